namespace AmiAutomation.Functions.Common;

/// <summary>
/// The one-word verdict every run's response carries in <c>status</c>, so a caller (CLI, Step Functions, a person)
/// never has to read counts to learn that a run did not do its job. Stable: alarms, scripts and the CLI match them.
/// </summary>
/// <remarks>Precedence when several apply: blocked, then failed, then partial, then succeeded.</remarks>
public static class RunStatus
{
    /// <summary>Everything planned was attempted and nothing failed (dry runs included; skips are not failures).</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Some actions failed, or were not started (deadline, per-run cap of calls); the next run picks them up.</summary>
    public const string Partial = "partial";

    /// <summary>An inventory source failed or looked truncated (so nothing destructive was planned), or a safety check
    /// aborted the run part-way (see <c>abortReason</c>).</summary>
    public const string Failed = "failed";

    /// <summary>A gate refused the whole run before anything destructive (another run holds the lease, the Recycle Bin
    /// latch or preflight); see <c>blockedReason</c>.</summary>
    public const string Blocked = "blocked";

    /// <summary>Every value, for docs and tests.</summary>
    public static IReadOnlyList<string> All { get; } = [Succeeded, Partial, Failed, Blocked];

    /// <summary>The status from what a run recorded.</summary>
    public static string Of(bool blocked, bool inventoryFailed, bool aborted, int failedActions, int notStartedActions) =>
        blocked ? Blocked
        : inventoryFailed || aborted ? Failed
        : failedActions > 0 || notStartedActions > 0 ? Partial
        : Succeeded;

    /// <summary>Only <see cref="Succeeded"/> is a clean run; everything else should reach a person.</summary>
    public static bool IsClean(string? status) => string.Equals(status, Succeeded, StringComparison.Ordinal);
}
