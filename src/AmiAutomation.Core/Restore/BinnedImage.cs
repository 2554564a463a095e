namespace AmiAutomation.Core.Restore;

/// <summary>
/// One AMI in the Recycle Bin as ListImagesInRecycleBin reports it. The listing carries no tags, owner, state or
/// snapshot ids: those come from the ledger.
/// </summary>
public sealed record BinnedImage
{
    public required string ImageId { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }

    /// <summary>When the image entered the bin (= when it was deregistered).</summary>
    public DateTimeOffset? EnteredAt { get; init; }

    /// <summary>When the bin purges it for good.</summary>
    public DateTimeOffset? ExitsAt { get; init; }
}
