namespace AmiAutomation.Core.Restore;

/// <summary>
/// The first half of a restore: snapshots first, then the image. Empty when the image is registered already.
/// A plan with <see cref="MissingSnapshots"/> or <see cref="FailedSnapshots"/> is blocked: nothing may run.
/// </summary>
public sealed record RecoveryPlan
{
    /// <summary>Snapshots to bring out of the bin (RestoreSnapshotFromRecycleBin).</summary>
    public IReadOnlyList<string> SnapshotsToRestore { get; init; } = [];

    /// <summary>Snapshots to wait for until <c>completed</c> (the ones restored now and those still restoring).</summary>
    public IReadOnlyList<string> SnapshotsToAwait { get; init; } = [];

    /// <summary>Snapshots that are ready already (an earlier call restored them, or they never left).</summary>
    public IReadOnlyList<string> SnapshotsReady { get; init; } = [];

    public bool RestoreImage { get; init; }

    /// <summary>Permanently deleted: the image cannot be restored.</summary>
    public IReadOnlyList<string> MissingSnapshots { get; init; } = [];

    /// <summary>In state <c>error</c>: the image cannot be restored.</summary>
    public IReadOnlyList<string> FailedSnapshots { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    public bool IsBlocked => MissingSnapshots.Count > 0 || FailedSnapshots.Count > 0;
}
