using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Execution;
using Amazon.EC2;
using Amazon.Runtime;

namespace AmiAutomation.Aws.RecycleBin;

/// <summary>Sends the restore's EC2 calls, paced by the region's rate limiter, and turns EC2 errors into outcomes.</summary>
internal sealed class RestoreCalls(IAmazonEC2 ec2, Ec2RateLimiter? limiter)
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        Ec2ErrorCodes.RequestLimitExceeded, "Throttling", "ThrottlingException", "InternalError", "ServiceUnavailable", "Unavailable",
    };

    public IAmazonEC2 Client => ec2;

    /// <summary>A read: waits for a token, then calls; errors propagate.</summary>
    public async Task<T> ReadAsync<T>(string action, Func<IAmazonEC2, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        await AcquireAsync(action, Ec2ActionClass.Describe, cancellationToken);
        return await call(ec2, cancellationToken);
    }

    /// <summary>
    /// A change: waits for a token (cancellable), then sends it uncancellable (the outcome of a torn mutating call
    /// would be unknown). A dry run that EC2 would allow comes back as <see cref="Ec2CallOutcome.DryRun"/>.
    /// </summary>
    public async Task<Ec2CallOutcome> ChangeAsync(
        string action, Ec2ActionClass actionClass, bool dryRun, Func<IAmazonEC2, Task<bool?>> call, CancellationToken cancellationToken)
    {
        await AcquireAsync(action, actionClass, cancellationToken);
        try
        {
            var returned = await call(ec2);
            return returned == false
                ? new Ec2CallOutcome(OutcomeStatus.Failed, "ReturnFalse", $"{action} returned false")
                : Ec2CallOutcome.Succeeded;
        }
        catch (AmazonServiceException ex) when (dryRun && Ec2ErrorCodes.Is(ex, Ec2ErrorCodes.DryRunOperation))
        {
            return Ec2CallOutcome.DryRun;
        }
        catch (AmazonServiceException ex)
        {
            return Failure(action, ex);
        }
    }

    public static Ec2CallOutcome Failure(string action, AmazonServiceException exception) =>
        new(OutcomeStatus.Failed, Ec2ErrorCodes.CodeOf(exception), $"{action} failed: {Ec2ErrorCodes.Describe(exception)}")
        {
            Transient = IsTransient(exception),
        };

    /// <summary>Throttling and EC2's own server errors (a code-less 5xx is an endpoint that lacks the call: not transient).</summary>
    public static bool IsTransient(AmazonServiceException exception) =>
        ThrottlingCodes.Contains(exception.ErrorCode ?? string.Empty);

    private ValueTask AcquireAsync(string action, Ec2ActionClass actionClass, CancellationToken cancellationToken) =>
        limiter?.AcquireAsync(action, actionClass, cancellationToken) ?? ValueTask.CompletedTask;
}
