using AmiAutomation.Core.Execution;

namespace AmiAutomation.Functions.Common;

/// <summary>The outcome words used in summaries, logs and metrics. Stable: dashboards and tests match them.</summary>
public static class OutcomeNames
{
    public const string Succeeded = "succeeded";
    public const string DryRun = "dry-run";
    public const string Failed = "failed";

    /// <summary>Not acted on: planned as a skip, or the re-check right before the call found a protection.</summary>
    public const string Skipped = "skipped";

    /// <summary>Planned but not attempted: deadline, cap or an aborted run.</summary>
    public const string NotStarted = "not-started";

    public const string Deferred = "deferred";

    /// <summary>Planned but refused with the whole run by a safety gate (Recycle Bin latch or preflight).</summary>
    public const string Blocked = "blocked";

    public static string For(OutcomeStatus status) => status switch
    {
        OutcomeStatus.Succeeded => Succeeded,
        OutcomeStatus.DryRun => DryRun,
        OutcomeStatus.Failed => Failed,
        OutcomeStatus.SkippedOnRecheck => Skipped,
        OutcomeStatus.Deferred => Deferred,
        _ => NotStarted,
    };
}
