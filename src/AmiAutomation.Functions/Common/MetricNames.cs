namespace AmiAutomation.Functions.Common;

/// <summary>EMF metric names of the sweep functions (namespace and <c>service</c> dimension come from the host).</summary>
public static class MetricNames
{
    public const string AmisDeprecated = "AmisDeprecated";
    public const string AmisDeregistered = "AmisDeregistered";

    /// <summary>Images the expire function's disable stage disabled.</summary>
    public const string AmisDisabled = "AmisDisabled";
    public const string SnapshotsDeleted = "SnapshotsDeleted";

    /// <summary>Snapshots DeregisterImage left in place (dimension <c>ReturnCode</c>).</summary>
    public const string SnapshotsNotDeleted = "SnapshotsNotDeleted";
    public const string SnapshotGiBReleased = "SnapshotGiBReleased";
    public const string EstimatedMonthlySavingUsd = "EstimatedMonthlySavingUsd";

    /// <summary>Images not acted on (dimension <c>Reason</c>).</summary>
    public const string SkippedImages = "SkippedImages";

    /// <summary>Actions a dry run would have taken (dimension <c>Action</c>).</summary>
    public const string DryRunActions = "DryRunActions";

    /// <summary>Planned actions not attempted: deadline, cap, abort (dimension <c>Action</c>).</summary>
    public const string NotStartedActions = "NotStartedActions";

    /// <summary>Failed actions, failed inventory sources and run errors; alarm on any.</summary>
    public const string Errors = "Errors";

    /// <summary>A failed or truncated inventory source (dimension <c>Source</c>).</summary>
    public const string InventorySourceFailures = "InventorySourceFailures";

    /// <summary>A safety check stopped every further destructive action in a run.</summary>
    public const string DestructiveRunAborted = "DestructiveRunAborted";

    /// <summary>Which Recycle Bin gate refused a whole run before anything ran (dimension <c>Reason</c>: RecycleBinLatch,
    /// RecycleBinLatchUnreadable, RecycleBinRules, RecycleBinRulesUnchecked); the run also counts in <see cref="RunsBlocked"/>.</summary>
    public const string RunsBlockedByGate = "RunsBlockedByGate";

    /// <summary>Planned deregistrations refused because the Recycle Bin latch is set.</summary>
    public const string DeregistrationsBlockedByLatch = "DeregistrationsBlockedByLatch";

    /// <summary>A deregistered image or deleted snapshot not seen in the Recycle Bin (dimension <c>Outcome</c>:
    /// NotInBin or CouldNotCheck); sets the latch.</summary>
    public const string RecycleBinMisses = "RecycleBinMisses";

    /// <summary>1 when the deadline cut the run short.</summary>
    public const string RunStoppedEarly = "RunStoppedEarly";

    // Per-run metrics with the service dimension only, each watched by an alarm in template.yaml (kept in lockstep
    // by tests/AmiAutomation.Lambda.Tests/Template/AlarmLockstepTests.cs).

    /// <summary>1 per run that reached its summary, whatever its status: the expire heartbeat alarm watches it.</summary>
    public const string RunsCompleted = "RunsCompleted";

    /// <summary>1 per run with status <c>blocked</c> (lease held, latch, preflight).</summary>
    public const string RunsBlocked = "RunsBlocked";

    /// <summary>1 per run with status <c>failed</c> (inventory incomplete, or aborted).</summary>
    public const string RunsFailed = "RunsFailed";

    /// <summary>Inventory sources that failed or looked truncated in a run (no <c>Source</c> dimension: alarmable).</summary>
    public const string InventorySourcesFailed = "InventorySourcesFailed";

    /// <summary>Actions whose outcome was <c>failed</c> in a run.</summary>
    public const string ActionsFailed = "ActionsFailed";

    public const string ReasonDimension = "Reason";
    public const string ActionDimension = "Action";
    public const string SourceDimension = "Source";
    public const string ReturnCodeDimension = "ReturnCode";
    public const string OutcomeDimension = "Outcome";
}
