using AmiAutomation.Core.Planning;

namespace AmiAutomation.Core.Execution;

/// <summary>What happened when a decision was carried out. Partial failure is data, not a crash.</summary>
public sealed record ActionOutcome(Decision Decision, OutcomeStatus Status, string? ErrorCode = null, string? Detail = null)
{
    /// <summary>For deregistrations: each snapshot's fate (DeleteAssociatedSnapshots result codes).</summary>
    public IReadOnlyList<SnapshotOutcome> Snapshots { get; init; } = [];

    /// <summary>For copies: the new image id in the destination region.</summary>
    public string? NewImageId { get; init; }
}

public enum OutcomeStatus
{
    Succeeded,

    /// <summary>Dry run: EC2 answered DryRunOperation (the call would have been allowed) or no call was needed.</summary>
    DryRun,

    Failed,

    /// <summary>The re-check right before the call found the image changed (now in use, protected, gone ...).</summary>
    SkippedOnRecheck,

    /// <summary>Not started: the deadline approached, the cap was reached, or an earlier safety check stopped the run.</summary>
    NotStarted,

    /// <summary>Deferred to a later run (e.g. copy limit reached): not a failure.</summary>
    Deferred,
}

/// <summary>One snapshot's result from DeregisterImage(DeleteAssociatedSnapshots), or from our own check when EC2
/// reported none (<see cref="UnreportedGone"/>, <see cref="UnreportedStillExists"/>, <see cref="UnreportedUnverified"/>).</summary>
public sealed record SnapshotOutcome(string SnapshotId, int SizeGiB, string ReturnCode)
{
    /// <summary>EC2 reported nothing and the snapshot no longer exists: deleted.</summary>
    public const string UnreportedGone = "unreported-gone";

    /// <summary>EC2 reported nothing and the snapshot still exists: not deleted (e.g. an emulator that ignores
    /// DeleteAssociatedSnapshots).</summary>
    public const string UnreportedStillExists = "unreported-still-exists";

    /// <summary>EC2 reported nothing and DescribeSnapshots failed: treated as not deleted, and said so.</summary>
    public const string UnreportedUnverified = "unreported-unverified";

    public bool Deleted => ReturnCode is "success" or UnreportedGone;
}
