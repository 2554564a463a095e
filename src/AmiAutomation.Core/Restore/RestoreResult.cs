namespace AmiAutomation.Core.Restore;

/// <summary>The outcome of one restore call: which image, how it ended, each step and the notes a reader needs.</summary>
public sealed record RestoreResult
{
    public required string ImageId { get; init; }
    public required string Region { get; init; }
    public string? Name { get; init; }
    public string? Family { get; init; }
    public required RestoreStatus Status { get; init; }
    public bool DryRun { get; init; }

    /// <summary>Where the snapshot list came from; null when no snapshot step was needed.</summary>
    public SnapshotSource? SnapshotSource { get; init; }

    public IReadOnlyList<RestoreStep> Steps { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Snapshots this call brought out of the Recycle Bin (0 in a dry run).</summary>
    public int SnapshotsRestored { get; init; }

    /// <summary>This call brought the image out of the Recycle Bin (false in a dry run).</summary>
    public bool ImageRestored { get; init; }

    public bool IsPartial => Status == RestoreStatus.Partial;
}
