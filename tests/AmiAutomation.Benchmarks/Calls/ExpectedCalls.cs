namespace AmiAutomation.Benchmarks.Calls;

/// <summary>
/// The inventory's call formula for N owned images: ⌈N/1000⌉ DescribeImages pages + ⌈N/10⌉ DescribeImageReferences
/// batches + ⌈instances/1000⌉ DescribeInstances pages + ⌈templates/200⌉ DescribeLaunchTemplates pages + per template
/// ⌈versions/200⌉ DescribeLaunchTemplateVersions pages (every listing makes at least one call), and nothing per image
/// (no DescribeImageAttribute: LastLaunchedTime comes with DescribeImages).
/// </summary>
internal sealed record ExpectedCalls(int DescribeImages, int DescribeImageReferences, int DescribeInstances, int DescribeLaunchTemplates, int DescribeLaunchTemplateVersions)
{
    public int Total => DescribeImages + DescribeImageReferences + DescribeInstances + DescribeLaunchTemplates + DescribeLaunchTemplateVersions;

    public static ExpectedCalls For(int images, ReferenceCensus census) => new(
        Pages(images, 1000),
        (images + 9) / 10,
        Pages(census.LiveInstances, 1000),
        Pages(census.LaunchTemplates, 200),
        census.VersionsPerTemplate.Sum(v => Pages(v, 200)));

    /// <summary>Pages of a listing: at least one call, even for an empty one.</summary>
    private static int Pages(int items, int pageSize) => Math.Max(1, (items + pageSize - 1) / pageSize);
}
