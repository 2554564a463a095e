using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.References;

namespace AmiAutomation.Aws.Inventory;

/// <summary>
/// What the consumer sources (launch configurations, Spot requests, Spot fleets) share: one listing read into
/// references of one kind and reported on its <see cref="SourceRun"/>, and every call sent through the rate limiter and
/// counted. Each source keeps only its request and how a page names images.
/// </summary>
internal static class ConsumerListing
{
    /// <summary>Reads a whole listing (<paramref name="readAll"/> gets the call counter and the consumer sink) into
    /// <paramref name="references"/>; unresolvable consumers make the source Truncated.</summary>
    public static async Task CollectAsync(
        SourceRun run,
        string action,
        ReferenceKind kind,
        List<ImageReference> references,
        Func<Action, Action<Consumer>, Task> readAll)
    {
        var collector = new ConsumerCollector(kind, references);
        run.Operation = action;
        await readAll(() => run.Calls++, collector.Add);
        collector.Finish(run);
    }

    /// <summary>One request: waits for the rate limiter, counts it, sends it.</summary>
    public static async Task<TResponse> SendAsync<TResponse>(
        Ec2RateLimiter limiter, string action, Action onCall, Func<CancellationToken, Task<TResponse>> send, CancellationToken cancellationToken)
    {
        await limiter.AcquireAsync(action, Ec2ActionClass.Describe, cancellationToken);
        onCall();
        return await send(cancellationToken);
    }
}
