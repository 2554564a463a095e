using AmiAutomation.TestKit.Repository;
using YamlDotNet.RepresentationModel;

namespace AmiAutomation.Lambda.Tests.Template;

/// <summary>template.yaml read through YamlDotNet's representation model, which keeps CloudFormation's short-form
/// tags (!Ref, !Sub, ...) as node tags instead of failing on them.</summary>
internal sealed class SamTemplate
{
    private SamTemplate(YamlMappingNode root) => Root = root;

    public YamlMappingNode Root { get; }

    public static SamTemplate Load()
    {
        using var reader = new StreamReader(RepositoryRoot.File("template.yaml"));
        var stream = new YamlStream();
        stream.Load(reader);
        return new SamTemplate((YamlMappingNode)stream.Documents[0].RootNode);
    }

    public YamlMappingNode Section(string name) => (YamlMappingNode)Root.Children[new YamlScalarNode(name)];

    public IEnumerable<(string LogicalId, YamlMappingNode Resource)> ResourcesOfType(string type) =>
        Section("Resources").Children
            .Select(kv => (((YamlScalarNode)kv.Key).Value!, (YamlMappingNode)kv.Value))
            .Where(r => Scalar(r.Item2, "Type") == type);

    public IEnumerable<(string LogicalId, string Handler, YamlMappingNode Properties)> Functions() =>
        ResourcesOfType("AWS::Serverless::Function")
            .Select(r => (r.LogicalId, Scalar(Properties(r.Resource), "Handler")!, Properties(r.Resource)));

    public static YamlMappingNode Properties(YamlMappingNode resource) =>
        (YamlMappingNode)resource.Children[new YamlScalarNode("Properties")];

    public static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    public static YamlNode? Child(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>Deny statements (guard rails such as "never deregister a kept image") grant nothing.</summary>
    public static bool IsAllow(YamlMappingNode statement) => Scalar(statement, "Effect") is null or "Allow";

    /// <summary>Every IAM action granted to a function through inline policy statements, e.g. "ec2:DescribeImages".</summary>
    public static IReadOnlySet<string> GrantedActions(YamlMappingNode functionProperties)
    {
        var actions = new SortedSet<string>(StringComparer.Ordinal);
        if (Child(functionProperties, "Policies") is not YamlSequenceNode policies)
        {
            return actions;
        }

        foreach (var policy in policies.Children.OfType<YamlMappingNode>())
        {
            if (Child(policy, "Statement") is not YamlSequenceNode statements)
            {
                continue;
            }

            foreach (var statement in statements.Children.OfType<YamlMappingNode>().Where(IsAllow))
            {
                switch (Child(statement, "Action"))
                {
                    case YamlScalarNode single:
                        actions.Add(single.Value!);
                        break;
                    case YamlSequenceNode many:
                        foreach (var action in many.Children.OfType<YamlScalarNode>())
                        {
                            actions.Add(action.Value!);
                        }

                        break;
                }
            }
        }

        return actions;
    }
}
