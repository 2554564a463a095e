using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Mapping;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Deprecation;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Planning;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Execution;

/// <summary>EnableImageDeprecation with the decision's DeprecateAt (sent as UTC), raised at the call to at least
/// <see cref="DeprecationLimits.Earliest"/> of the call's time.</summary>
/// <remarks>
/// ec2:EnableImageDeprecation. EC2 refuses a time in the past by its own clock when the call arrives; a plan's
/// earliest time (plan time + 1 minute) has passed once the inventory of a large region or the run's earlier calls
/// took longer than that, so the time is checked again here, after the rate limiter's wait.
/// </remarks>
internal static class DeprecationStep
{
    public static async Task<ActionOutcome> RunAsync(ExecutionRun run, Decision decision, CancellationToken cancellationToken)
    {
        if (decision.DeprecateAt is not { } deprecateAt)
        {
            return new ActionOutcome(decision, OutcomeStatus.Failed, ExecutionErrorCodes.MissingDeprecateAt, "the Deprecate decision carries no DeprecateAt; nothing sent");
        }

        await run.Limiter.AcquireAsync("EnableImageDeprecation", Ec2ActionClass.Mutate, cancellationToken);
        var planned = deprecateAt;
        var earliest = DeprecationLimits.Earliest(run.Time.GetUtcNow());
        if (deprecateAt < earliest)
        {
            deprecateAt = earliest;
        }

        var raised = deprecateAt == planned ? string.Empty : $" (planned {Ec2Time.Format(planned)}, which had passed by the call)";
        try
        {
            // Not cancelled once sent: the outcome of a torn mutating call would be unknown.
            var response = await run.Client.EnableImageDeprecationAsync(
                new EnableImageDeprecationRequest
                {
                    ImageId = decision.Image.ImageId,
                    DeprecateAt = Ec2Time.ToRequestTime(deprecateAt),
                    DryRun = run.Options.DryRun ? true : null,
                },
                CancellationToken.None);
            return response?.Return == false
                ? new ActionOutcome(decision, OutcomeStatus.Failed, ExecutionErrorCodes.ReturnFalse, "EnableImageDeprecation returned false")
                : new ActionOutcome(decision, OutcomeStatus.Succeeded, Detail: $"deprecation set to {Ec2Time.Format(deprecateAt)}{raised}");
        }
        catch (AmazonServiceException ex) when (Ec2ErrorCodes.Is(ex, Ec2ErrorCodes.DryRunOperation))
        {
            return new ActionOutcome(decision, OutcomeStatus.DryRun, Detail: $"would have been allowed: deprecate at {Ec2Time.Format(deprecateAt)}{raised}");
        }
        catch (AmazonServiceException ex)
        {
            return new ActionOutcome(decision, OutcomeStatus.Failed, Ec2ErrorCodes.CodeOf(ex), "EnableImageDeprecation failed: " + Ec2ErrorCodes.Describe(ex));
        }
    }
}
