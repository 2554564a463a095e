using AmiAutomation.Lambda.Tests.Template;
using YamlDotNet.RepresentationModel;

namespace AmiAutomation.Lambda.Tests.Iam.Policy;

/// <summary>
/// Reads a function's inline policy statements from template.yaml into an <see cref="IamPolicy"/>, resolving
/// intrinsic functions for one <see cref="IamStackContext"/>. Fails on anything it does not model (SAM policy
/// templates, managed policy names, NotAction/NotResource, other intrinsics) instead of skipping it.
/// </summary>
internal static class IamPolicyReader
{
    private static readonly HashSet<string> StatementKeys = new(StringComparer.Ordinal) { "Sid", "Effect", "Action", "Resource", "Condition" };

    public static IamPolicy ForFunction(SamTemplate template, string handler, IamStackContext stack)
    {
        ArgumentNullException.ThrowIfNull(template);
        var function = template.Functions().Where(f => f.Handler == handler).ToList();
        if (function.Count != 1)
        {
            throw new InvalidOperationException($"template.yaml has {function.Count} functions with Handler '{handler}'.");
        }

        var statements = new List<IamStatement>();
        if (SamTemplate.Child(function[0].Properties, "Policies") is YamlSequenceNode policies)
        {
            foreach (var policy in policies.Children)
            {
                if (policy is not YamlMappingNode map || SamTemplate.Child(map, "Statement") is not YamlSequenceNode list || map.Children.Count != 1)
                {
                    throw new NotSupportedException(
                        $"{function[0].LogicalId}: policy at {policy.Start} is not an inline {{Statement: [...]}} (SAM policy templates and managed policies are not evaluated); write it inline.");
                }

                statements.AddRange(list.Children.Select((s, i) => Statement((YamlMappingNode)s, $"{function[0].LogicalId}#{statements.Count + i}", stack)));
            }
        }

        return new IamPolicy(function[0].LogicalId, statements);
    }

    /// <summary>One statement node; <paramref name="fallbackSid"/> names it when it has no Sid.</summary>
    public static IamStatement Statement(YamlMappingNode node, string fallbackSid, IamStackContext stack)
    {
        ArgumentNullException.ThrowIfNull(node);
        var unknown = node.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Where(k => !StatementKeys.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new NotSupportedException($"IAM evaluator: statement {fallbackSid} uses [{string.Join(", ", unknown)}], which is not modelled.");
        }

        var effect = SamTemplate.Scalar(node, "Effect") switch
        {
            "Allow" => IamEffect.Allow,
            "Deny" => IamEffect.Deny,
            var other => throw new NotSupportedException($"IAM evaluator: statement {fallbackSid} has Effect '{other}'."),
        };
        var conditions = new List<IamCondition>();
        if (SamTemplate.Child(node, "Condition") is { } condition)
        {
            foreach (var (op, keys) in ((YamlMappingNode)condition).Children)
            {
                foreach (var (key, values) in ((YamlMappingNode)keys).Children)
                {
                    conditions.Add(new IamCondition(((YamlScalarNode)op).Value!, ((YamlScalarNode)key).Value!, Values(values, stack)));
                }
            }
        }

        return new IamStatement(
            SamTemplate.Scalar(node, "Sid") ?? fallbackSid,
            effect,
            Values(SamTemplate.Child(node, "Action") ?? throw new NotSupportedException($"statement {fallbackSid} has no Action"), stack),
            Values(SamTemplate.Child(node, "Resource") ?? throw new NotSupportedException($"statement {fallbackSid} has no Resource"), stack),
            conditions);
    }

    private static List<string> Values(YamlNode node, IamStackContext stack) => node is YamlSequenceNode list && TagOf(list) is null
        ? [.. list.Children.Select(c => Value(c, stack))]
        : [Value(node, stack)];

    private static string Value(YamlNode node, IamStackContext stack) => (node, TagOf(node)) switch
    {
        (YamlScalarNode scalar, null) => scalar.Value ?? string.Empty,
        (YamlScalarNode scalar, "!Sub") => stack.Substitute(scalar.Value!),
        (YamlScalarNode scalar, "!Ref") when scalar.Value!.StartsWith("AWS::", StringComparison.Ordinal) => stack.Pseudo(scalar.Value),
        (YamlScalarNode scalar, "!GetAtt") => stack.Attribute(scalar.Value!),
        (YamlSequenceNode pair, "!GetAtt") when pair.Children.Count == 2 =>
            stack.Attribute($"{((YamlScalarNode)pair.Children[0]).Value}.{((YamlScalarNode)pair.Children[1]).Value}"),
        _ => throw new NotSupportedException($"IAM evaluator: cannot resolve the value at {node.Start} ({TagOf(node) ?? node.NodeType.ToString()})."),
    };

    private static string? TagOf(YamlNode node) => node.Tag.IsEmpty || node.Tag.IsNonSpecific ? null : node.Tag.Value;
}
