using AmiAutomation.Simulation.Seeding;
using YamlDotNet.RepresentationModel;

namespace AmiAutomation.Lambda.Tests.Template;

/// <summary>The stack's <c>AWS::Rbin::Rule</c> resources as simulator rules (tags and retention at parameter defaults),
/// so the simulated Recycle Bin keeps exactly what the deployed one would.</summary>
internal static class TemplateRecycleBinRules
{
    public static IReadOnlyList<RecycleBinRule> Read()
    {
        var template = SamTemplate.Load();
        return [.. template.ResourcesOfType("AWS::Rbin::Rule").Select(r => ToRule(SamTemplate.Properties(r.Resource), template))];
    }

    private static RecycleBinRule ToRule(YamlMappingNode properties, SamTemplate template)
    {
        var type = SamTemplate.Scalar(properties, "ResourceType") switch
        {
            "EC2_IMAGE" => RecycleBinResourceType.Ec2Image,
            "EBS_SNAPSHOT" => RecycleBinResourceType.EbsSnapshot,
            var other => throw new InvalidOperationException($"Recycle Bin rule type '{other}' is not simulated."),
        };
        var retention = (YamlScalarNode)SamTemplate.Child(properties, "RetentionPeriod", "RetentionPeriodValue")!;
        var days = retention.Tag.IsEmpty || retention.Tag.IsNonSpecific
            ? retention.Value!
            : SamTemplate.Scalar((YamlMappingNode)SamTemplate.Child(template.Root, "Parameters", retention.Value!)!, "Default")!;
        var tags = SamTemplate.Child(properties, "ResourceTags") is YamlSequenceNode list
            ? list.Children.Cast<YamlMappingNode>()
                .Select(t => new KeyValuePair<string, string?>(SamTemplate.Scalar(t, "ResourceTagKey")!, SamTemplate.Scalar(t, "ResourceTagValue")))
                .ToList()
            : [];
        return new RecycleBinRule(type, int.Parse(days, System.Globalization.CultureInfo.InvariantCulture))
        {
            ResourceTags = tags,
            Description = SamTemplate.Scalar(properties, "Description"),
        };
    }
}
