using AmiAutomation.Lambda.Tests.Template;
using YamlDotNet.RepresentationModel;

namespace AmiAutomation.Lambda.Tests.Iam;

/// <summary>One inline policy statement of a function in template.yaml: its Sid, actions and Condition block.</summary>
internal sealed record PolicyStatement(string? Sid, IReadOnlyList<string> Actions, YamlMappingNode? Condition)
{
    /// <summary>The statements of every inline policy of a function, in template order.</summary>
    public static IReadOnlyList<PolicyStatement> Of(YamlMappingNode functionProperties)
    {
        if (SamTemplate.Child(functionProperties, "Policies") is not YamlSequenceNode policies)
        {
            return [];
        }

        return [.. policies.Children.OfType<YamlMappingNode>()
            .Select(p => SamTemplate.Child(p, "Statement"))
            .OfType<YamlSequenceNode>()
            .SelectMany(s => s.Children.OfType<YamlMappingNode>())
            .Select(s => new PolicyStatement(
                SamTemplate.Scalar(s, "Sid"),
                SamTemplate.Child(s, "Action") switch
                {
                    YamlScalarNode single => [single.Value!],
                    YamlSequenceNode many => [.. many.Children.OfType<YamlScalarNode>().Select(a => a.Value!)],
                    _ => [],
                },
                SamTemplate.Child(s, "Condition") as YamlMappingNode))];
    }

    public static string Namespace(string action) => action[..Math.Max(0, action.IndexOf(':', StringComparison.Ordinal))];
}
