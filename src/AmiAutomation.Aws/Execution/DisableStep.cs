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
        var (checkedNow, ended) = await DestructiveStepGate.CapAndRecheckAsync(run, decision, "not disabled", cancellationToken);
        if (checkedNow is not { } current)
        {
            return ended!;
        }

        if (current.State != ImageState.Available)
        {
            return new ActionOutcome(decision, OutcomeStatus.SkippedOnRecheck, Detail: $"image is {current.State.ToString().ToLowerInvariant()} now, not available; not disabled");
        }

        await run.Limiter.AcquireAsync("DisableImage", Ec2ActionClass.Mutate, cancellationToken);
        var context = new DeregistrationContext(run.Plan, decision, current, run.Disabled);
        if (!run.Options.DryRun && await DestructiveStepGate.AskGuardAsync(
                run, decision, ct => run.Options.DisableGuard.BeforeDisableAsync(context, ct), "before-disable", "not disabled",
                cancellationToken) is { } blocked)
        {
            return blocked;
        }

        run.DestructiveCalls++;
        var outcome = await CallAsync(run, decision, current);
        if (!run.Options.DryRun && outcome.Status == OutcomeStatus.Succeeded)
        {
            run.Disabled++;
            try
            {
                await run.Options.DisableGuard.AfterDisableAsync(context, outcome, cancellationToken);
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

    private static async Task<ActionOutcome> CallAsync(ExecutionRun run, Decision decision, AmiImage current)
    {
        try
        {
            // Not cancelled once sent: the outcome of a torn DisableImage would be unknown.
            var response = await run.Client.DisableImageAsync(
                new DisableImageRequest { ImageId = current.ImageId, DryRun = run.Options.DryRun ? true : null },
                CancellationToken.None);
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
