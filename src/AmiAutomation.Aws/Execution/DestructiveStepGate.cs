using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;

namespace AmiAutomation.Aws.Execution;

/// <summary>
/// What every destructive step (deregistration, disable) does first, in one place so the two cannot drift apart: the
/// per-run cap, the re-check right before the call, and asking the step's guard (a guard that throws means no call).
/// </summary>
internal static class DestructiveStepGate
{
    /// <summary>The cap, then the re-check. Returns the image as re-read now, or the outcome that ends the step.</summary>
    /// <param name="notDone">How the step's outcome says the call was not made, e.g. "not deregistered".</param>
    public static async Task<(AmiImage? Current, ActionOutcome? Ended)> CapAndRecheckAsync(
        ExecutionRun run, Decision decision, string notDone, CancellationToken cancellationToken)
    {
        if (run.DestructiveCalls >= run.Options.MaxDestructiveActions)
        {
            return (null, new ActionOutcome(decision, OutcomeStatus.NotStarted, Detail: $"cap of {run.Options.MaxDestructiveActions} destructive actions per run reached"));
        }

        var recheck = await run.Rechecker.RecheckAsync(decision, run.Options, cancellationToken);
        if (recheck.SkipReason is { } skip)
        {
            return (null, new ActionOutcome(decision, OutcomeStatus.SkippedOnRecheck, Detail: skip));
        }

        // The re-checker words its failures for a deregistration; the disable step says "not disabled" instead.
        return recheck.Current is { } current
            ? (current, null)
            : (null, new ActionOutcome(decision, OutcomeStatus.Failed, recheck.ErrorCode,
                recheck.Error?.Replace("not deregistered", notDone, StringComparison.Ordinal) ?? $"re-check failed; {notDone}"));
    }

    /// <summary>Asks the guard right before the call: null to go on, else the outcome (skipped, run stopped, or failed
    /// when the guard itself failed: e.g. the ledger write did not happen, so neither does the call).</summary>
    public static async Task<ActionOutcome?> AskGuardAsync(
        ExecutionRun run, Decision decision, Func<CancellationToken, ValueTask<GuardVerdict>> ask, string hook, string notDone,
        CancellationToken cancellationToken)
    {
        GuardVerdict verdict;
        try
        {
            verdict = await ask(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failing hook (e.g. the ledger write) means no call; recorded as Failed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new ActionOutcome(decision, OutcomeStatus.Failed, ExecutionErrorCodes.GuardFailed,
                $"{hook} hook failed ({ex.GetType().Name}: {ex.Message}); {notDone}");
        }

        switch (verdict.Kind)
        {
            case GuardVerdictKind.Skip:
                return new ActionOutcome(decision, OutcomeStatus.SkippedOnRecheck, Detail: verdict.Reason);
            case GuardVerdictKind.Stop:
                run.StopReason = verdict.Reason;
                return new ActionOutcome(decision, OutcomeStatus.NotStarted, Detail: $"run stopped before this image: {verdict.Reason}");
            default:
                return null;
        }
    }
}
