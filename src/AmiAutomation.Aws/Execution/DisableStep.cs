using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Execution;

/// <summary>
/// One disable: cap → re-check (image, launch permissions and every reference re-read; still available) → guard before
/// (the ledger's disable record; no record, no disable) → DisableImage → guard after. Dry run: DisableImage with
/// DryRun=true, no guard. The cap counts DisableImage and DeregisterImage calls together.
/// </summary>
/// <remarks>ec2:DisableImage, plus the re-check's describes.</remarks>
internal static class DisableStep
{
    public static async Task<ActionOutcome> RunAsync(ExecutionRun run, Decision decision, CancellationToken cancellationToken)
    {
        if (run.DestructiveCalls >= run.Options.MaxDestructiveActions)
        {
            return new ActionOutcome(decision, OutcomeStatus.NotStarted, Detail: $"cap of {run.Options.MaxDestructiveActions} destructive actions per run reached");
        }

        var recheck = await run.Rechecker.RecheckAsync(decision, run.Options, cancellationToken).ConfigureAwait(false);
        if (recheck.SkipReason is { } skip)
        {
            return new ActionOutcome(decision, OutcomeStatus.SkippedOnRecheck, Detail: skip);
        }

        if (recheck.Current is not { } current)
        {
            return new ActionOutcome(decision, OutcomeStatus.Failed, recheck.ErrorCode, (recheck.Error ?? "re-check failed").Replace("not deregistered", "not disabled", StringComparison.Ordinal));
        }

        if (current.State != ImageState.Available)
        {
            return new ActionOutcome(decision, OutcomeStatus.SkippedOnRecheck, Detail: $"image is {current.State.ToString().ToLowerInvariant()} now, not available; not disabled");
        }

        await run.Limiter.AcquireAsync("DisableImage", Ec2ActionClass.Mutate, cancellationToken).ConfigureAwait(false);
        var context = new DeregistrationContext(run.Plan, decision, current, run.Disabled);
        if (!run.Options.DryRun && await BeforeAsync(run, context, cancellationToken).ConfigureAwait(false) is { } blocked)
        {
            return blocked;
        }

        run.DestructiveCalls++;
        var outcome = await CallAsync(run, decision, current).ConfigureAwait(false);
        if (!run.Options.DryRun && outcome.Status == OutcomeStatus.Succeeded)
        {
            run.Disabled++;
            try
            {
                await run.Options.DisableGuard.AfterDisableAsync(context, outcome, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The image is disabled and its record written (pending): a failed confirmation is reported, and no expire deregisters it until a later run confirms it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                outcome = outcome with { Detail = $"{outcome.Detail}; the disable record could not be confirmed ({ex.GetType().Name}: {ex.Message}): it stays pending" };
            }
        }

        return outcome;
    }

    private static async Task<ActionOutcome?> BeforeAsync(ExecutionRun run, DeregistrationContext context, CancellationToken cancellationToken)
    {
        GuardVerdict verdict;
        try
        {
            verdict = await run.Options.DisableGuard.BeforeDisableAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failing hook (the ledger write) means no disable; recorded as Failed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new ActionOutcome(context.Decision, OutcomeStatus.Failed, ExecutionErrorCodes.GuardFailed,
                $"before-disable hook failed ({ex.GetType().Name}: {ex.Message}); not disabled");
        }

        switch (verdict.Kind)
        {
            case GuardVerdictKind.Skip:
                return new ActionOutcome(context.Decision, OutcomeStatus.SkippedOnRecheck, Detail: verdict.Reason);
            case GuardVerdictKind.Stop:
                run.StopReason = verdict.Reason;
                return new ActionOutcome(context.Decision, OutcomeStatus.NotStarted, Detail: $"run stopped before this image: {verdict.Reason}");
            default:
                return null;
        }
    }

    private static async Task<ActionOutcome> CallAsync(ExecutionRun run, Decision decision, AmiImage current)
    {
        try
        {
            // Not cancelled once sent: the outcome of a torn DisableImage would be unknown.
            var response = await run.Client.DisableImageAsync(
                new DisableImageRequest { ImageId = current.ImageId, DryRun = run.Options.DryRun ? true : null },
                CancellationToken.None).ConfigureAwait(false);
            return response?.Return == false
                ? new ActionOutcome(decision, OutcomeStatus.Failed, ExecutionErrorCodes.ReturnFalse, "DisableImage returned false")
                : new ActionOutcome(decision, OutcomeStatus.Succeeded, Detail: $"disabled; {current.LaunchPermissions?.Count ?? 0} launch permission(s) recorded in the ledger");
        }
        catch (AmazonServiceException ex) when (Ec2ErrorCodes.Is(ex, Ec2ErrorCodes.DryRunOperation))
        {
            return new ActionOutcome(decision, OutcomeStatus.DryRun, Detail: $"would have been allowed: disable ({current.LaunchPermissions?.Count ?? 0} launch permission(s) to record)");
        }
        catch (AmazonServiceException ex)
        {
            return new ActionOutcome(decision, OutcomeStatus.Failed, Ec2ErrorCodes.CodeOf(ex), "DisableImage failed: " + Ec2ErrorCodes.Describe(ex));
        }
    }
}
