namespace AmiAutomation.Core.Restore;

/// <summary>One EBS snapshot in the Recycle Bin as ListSnapshotsInRecycleBin reports it.</summary>
public sealed record BinnedSnapshot
{
    public required string SnapshotId { get; init; }
    public string? Description { get; init; }
    public string? VolumeId { get; init; }
    public DateTimeOffset? EnteredAt { get; init; }
    public DateTimeOffset? ExitsAt { get; init; }
}
