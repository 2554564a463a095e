using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Mapping;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Planning;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Execution;

/// <summary>EnableImageDeprecation with the decision's DeprecateAt (sent as UTC).</summary>
/// <remarks>ec2:EnableImageDeprecation</remarks>
internal static class DeprecationStep
{
    public static async Task<ActionOutcome> RunAsync(ExecutionRun run, Decision decision, CancellationToken cancellationToken)
    {
        if (decision.DeprecateAt is not { } deprecateAt)
        {
            return new ActionOutcome(decision, OutcomeStatus.Failed, ExecutionErrorCodes.MissingDeprecateAt, "the Deprecate decision carries no DeprecateAt; nothing sent");
        }

        await run.Limiter.AcquireAsync("EnableImageDeprecation", Ec2ActionClass.Mutate, cancellationToken).ConfigureAwait(false);
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
                CancellationToken.None).ConfigureAwait(false);
            return response?.Return == false
                ? new ActionOutcome(decision, OutcomeStatus.Failed, ExecutionErrorCodes.ReturnFalse, "EnableImageDeprecation returned false")
                : new ActionOutcome(decision, OutcomeStatus.Succeeded, Detail: $"deprecation set to {Ec2Time.Format(deprecateAt)}");
        }
        catch (AmazonServiceException ex) when (Ec2ErrorCodes.Is(ex, Ec2ErrorCodes.DryRunOperation))
        {
            return new ActionOutcome(decision, OutcomeStatus.DryRun, Detail: $"would have been allowed: deprecate at {Ec2Time.Format(deprecateAt)}");
        }
        catch (AmazonServiceException ex)
        {
            return new ActionOutcome(decision, OutcomeStatus.Failed, Ec2ErrorCodes.CodeOf(ex), "EnableImageDeprecation failed: " + Ec2ErrorCodes.Describe(ex));
        }
    }
}
