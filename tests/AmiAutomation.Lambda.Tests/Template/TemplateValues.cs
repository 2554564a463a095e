using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace AmiAutomation.Lambda.Tests.Template;

/// <summary>Resolves environment values the way CloudFormation would with every parameter at its default:
/// <c>!Ref Parameter</c>, <c>!Join [",", !Ref ListParameter]</c>; references to resources become a placeholder name.</summary>
internal static class TemplateValues
{
    public static IEnumerable<(string Name, string Value)> Resolve(YamlMappingNode variables, SamTemplate template)
    {
        foreach (var (key, node) in variables.Children)
        {
            yield return (((YamlScalarNode)key).Value!, Value(node, template));
        }
    }

    private static string Value(YamlNode node, SamTemplate template)
    {
        switch (node)
        {
            case YamlScalarNode reference when TagOf(reference) == "!Ref":
                return Parameter(reference.Value!, template);
            case YamlScalarNode scalar:
                return scalar.Value ?? string.Empty;
            case YamlSequenceNode join when TagOf(join) == "!Join":
                var separator = ((YamlScalarNode)join.Children[0]).Value!;
                var parts = join.Children[1] is YamlScalarNode listRef && TagOf(listRef) == "!Ref"
                    ? Parameter(listRef.Value!, template).Split(',', StringSplitOptions.RemoveEmptyEntries)
                    : ((YamlSequenceNode)join.Children[1]).Children.Select(c => Value(c, template)).ToArray();
                return string.Join(separator, parts);
            default:
                throw new InvalidOperationException($"Unsupported template value at {node.Start}");
        }
    }

    private static string? TagOf(YamlNode node) => node.Tag.IsEmpty || node.Tag.IsNonSpecific ? null : node.Tag.Value;

    private static string Parameter(string name, SamTemplate template)
    {
        if (SamTemplate.Child(template.Root, "Parameters", name) is YamlMappingNode parameter)
        {
            return SamTemplate.Scalar(parameter, "Default") ?? string.Empty;
        }

        // A resource reference (e.g. the ledger table): its physical name is only known after deployment.
        return string.Create(CultureInfo.InvariantCulture, $"{name}-physical-name");
    }
}
