using AmiAutomation.Aws.Tests.Support;

namespace AmiAutomation.Aws.Tests.Inventory;

/// <summary>A generated region (images, instances, templates, references, page sizes) and the faults to inject.</summary>
public sealed record InventoryFaultSpec(
    int Images,
    int[] InstanceImages,
    int[] TemplateVersions,
    int[] ReferencesPerImage,
    int ImagePage,
    int InstancePage,
    int TemplatePage,
    int VersionPage,
    (int Action, double Where, FaultKind Kind)[] Faults)
{
    public static readonly string[] Actions =
    [
        "DescribeImages",
        "DescribeInstances",
        "DescribeLaunchTemplates",
        "DescribeLaunchTemplateVersions",
        "DescribeImageReferences",
    ];

    public override string ToString() =>
        $"images {Images}, instances [{string.Join(",", InstanceImages)}], templates [{string.Join(",", TemplateVersions)}], "
        + $"refs [{string.Join(",", ReferencesPerImage)}], pages {ImagePage}/{InstancePage}/{TemplatePage}/{VersionPage}, "
        + $"faults [{string.Join(", ", Faults.Select(f => $"{Actions[f.Action % Actions.Length]}@{f.Where:0.00}:{f.Kind}"))}]";
}
