using AmiAutomation.Core.Images;

namespace AmiAutomation.Core.Ledger;

/// <summary>
/// Everything needed to bring a deregistered image back as it was. Written before each deregistration
/// (no record, no deregistration); the restore function reads it.
/// </summary>
public sealed record LedgerRecord
{
    public required string ImageId { get; init; }
    public required string Region { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required string Family { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
    public IReadOnlyList<SnapshotInfo> Snapshots { get; init; } = [];
    public IReadOnlyList<LaunchPermission> LaunchPermissions { get; init; } = [];
    public DateTimeOffset? DeprecationTime { get; init; }
    public IReadOnlyList<string> Reasons { get; init; } = [];
    public required string RunId { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>When the Recycle Bin purges the image for good; the table's TTL.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    public LedgerStatus Status { get; init; } = LedgerStatus.PendingDeregistration;
    public DateTimeOffset? RestoredAt { get; init; }
}

public enum LedgerStatus
{
    /// <summary>Written; the deregistration has not been confirmed (yet).</summary>
    PendingDeregistration,
    Deregistered,
    Restored,
}
