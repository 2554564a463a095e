using AmiAutomation.Core.Inventory;

namespace AmiAutomation.Aws.Inventory;

/// <summary>
/// How <see cref="Ec2InventoryReader"/> reads a region. Defaults are the production values; page sizes are
/// overridable so tests can exercise paging with few resources.
/// </summary>
public sealed record InventoryOptions
{
    public static InventoryOptions Default { get; } = new();

    /// <summary>The account the function runs in; null = taken from the images' OwnerId ("" when there are none).</summary>
    public string? AccountId { get; init; }

    /// <summary>Sources switched off by the operator: reported <see cref="SourceStatus.Disabled"/> and never called. Default: none.</summary>
    public IReadOnlySet<InventorySource> DisabledSources { get; init; } = new HashSet<InventorySource>();

    /// <summary>DescribeImages MaxResults. Default 1000.</summary>
    public int ImagePageSize { get; init; } = 1000;

    /// <summary>DescribeInstances MaxResults (5–1000). Default 1000.</summary>
    public int InstancePageSize { get; init; } = 1000;

    /// <summary>DescribeLaunchTemplates MaxResults (1–200). Default 200.</summary>
    public int LaunchTemplatePageSize { get; init; } = 200;

    /// <summary>DescribeLaunchTemplateVersions MaxResults (1–200). Default 200.</summary>
    public int LaunchTemplateVersionPageSize { get; init; } = 200;

    /// <summary>Image ids per DescribeImageReferences call (1–10). Default 10.</summary>
    public int ImageReferenceBatchSize { get; init; } = 10;

    /// <summary>DescribeImageReferences MaxResults (≥ 5); null = not sent (EC2's default page size). Default null.</summary>
    public int? ImageReferencePageSize { get; init; }

    /// <summary>DescribeLaunchConfigurations MaxRecords (1–100). Default 100.</summary>
    public int LaunchConfigurationPageSize { get; init; } = 100;

    /// <summary>DescribeSpotInstanceRequests MaxResults (5–1000). Default 1000.</summary>
    public int SpotRequestPageSize { get; init; } = 1000;

    /// <summary>DescribeSpotFleetRequests MaxResults (1–1000). Default 1000.</summary>
    public int SpotFleetPageSize { get; init; } = 1000;

    /// <summary>Ask for resources managed by AWS services too (IncludeManagedResources). Default true: hidden is not unused.</summary>
    public bool IncludeManagedResources { get; init; } = true;

    /// <summary>Loop guard: a paginated listing with more pages than this is reported Truncated. Default 10,000.</summary>
    public int MaxPagesPerListing { get; init; } = 10_000;

    public bool IsEnabled(InventorySource source) => !DisabledSources.Contains(source);

    /// <summary>Every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(errors, ImagePageSize >= 1, $"ImagePageSize must be at least 1 (is {ImagePageSize}).");
        Check(errors, InstancePageSize is >= 5 and <= 1000, $"InstancePageSize must be 5–1000 (is {InstancePageSize}).");
        Check(errors, LaunchTemplatePageSize is >= 1 and <= 200, $"LaunchTemplatePageSize must be 1–200 (is {LaunchTemplatePageSize}).");
        Check(errors, LaunchTemplateVersionPageSize is >= 1 and <= 200, $"LaunchTemplateVersionPageSize must be 1–200 (is {LaunchTemplateVersionPageSize}).");
        Check(errors, ImageReferenceBatchSize is >= 1 and <= 10, $"ImageReferenceBatchSize must be 1–10 (is {ImageReferenceBatchSize}).");
        Check(errors, ImageReferencePageSize is null or >= 5, $"ImageReferencePageSize must be at least 5 (is {ImageReferencePageSize}).");
        Check(errors, LaunchConfigurationPageSize is >= 1 and <= 100, $"LaunchConfigurationPageSize must be 1–100 (is {LaunchConfigurationPageSize}).");
        Check(errors, SpotRequestPageSize is >= 5 and <= 1000, $"SpotRequestPageSize must be 5–1000 (is {SpotRequestPageSize}).");
        Check(errors, SpotFleetPageSize is >= 1 and <= 1000, $"SpotFleetPageSize must be 1–1000 (is {SpotFleetPageSize}).");
        Check(errors, MaxPagesPerListing >= 1, $"MaxPagesPerListing must be at least 1 (is {MaxPagesPerListing}).");
        Check(errors, DisabledSources is not null && !DisabledSources.Contains(InventorySource.Images), "The Images source cannot be disabled.");
        return errors;
    }

    private static void Check(List<string> errors, bool ok, string error)
    {
        if (!ok)
        {
            errors.Add(error);
        }
    }
}
