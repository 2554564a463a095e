using YamlDotNet.RepresentationModel;

namespace AmiAutomation.Lambda.Tests.Template;

/// <summary>The environment template.yaml gives one function (Globals merged with the function's own variables),
/// every parameter at its default, the way CloudFormation would deploy it.</summary>
internal static class TemplateEnvironment
{
    public static Dictionary<string, string> For(string handler)
    {
        var template = SamTemplate.Load();
        var (_, _, properties) = template.Functions().Single(f => f.Handler == handler);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variables in new[] { SamTemplate.Child(template.Root, "Globals", "Function", "Environment", "Variables"), SamTemplate.Child(properties, "Environment", "Variables") })
        {
            if (variables is not YamlMappingNode map)
            {
                continue;
            }

            foreach (var (name, value) in TemplateValues.Resolve(map, template))
            {
                values[name] = value;
            }
        }

        return values;
    }
}
