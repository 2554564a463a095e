using AmiAutomation.Aws.AutoScaling;
using AmiAutomation.Aws.Mapping;
using AmiAutomation.Aws.Paging;
using AmiAutomation.Aws.Throttling;
using Amazon.EC2;

namespace AmiAutomation.Aws.Inventory;

/// <summary>What every source of one inventory run shares: the region's clients, its rate limiter and the options.
/// Auto Scaling is created on first use, so a client that cannot be built fails its source only.</summary>
internal sealed record InventoryContext(string Region, IAmazonEC2 Client, Lazy<IAutoScalingClient> AutoScaling, Ec2RateLimiter Limiter, InventoryOptions Options)
{
    /// <summary>Strings shared by the images of this read (one pool per sweep, dropped with the context).</summary>
    public StringPool Strings { get; } = new();

    /// <summary>Sends one EC2 request through the rate limiter and counts it against <paramref name="run"/>.</summary>
    public async Task<TResponse> SendAsync<TResponse>(
        SourceRun run,
        string action,
        Ec2ActionClass actionClass,
        Func<IAmazonEC2, CancellationToken, Task<TResponse>> send,
        CancellationToken cancellationToken)
    {
        run.Operation = action;
        await Limiter.AcquireAsync(action, actionClass, cancellationToken);
        run.Calls++;
        return await send(Client, cancellationToken);
    }

    /// <summary>
    /// Reads a Describe* listing to the end (<see cref="Pager"/>, at most <see cref="InventoryOptions.MaxPagesPerListing"/>
    /// pages), each page sent through <see cref="SendAsync{TResponse}"/> with the page's NextToken.
    /// </summary>
    public Task ReadAllAsync<TResponse>(
        SourceRun run,
        string action,
        Func<IAmazonEC2, string?, CancellationToken, Task<TResponse>> send,
        Func<TResponse, string?> nextToken,
        Action<TResponse> onPage,
        CancellationToken cancellationToken,
        PageSizeCheck<TResponse>? fullPage = null)
        where TResponse : class =>
        Pager.ReadAllAsync(
            action,
            (token, ct) => SendAsync(run, action, Ec2ActionClass.Describe, (ec2, c) => send(ec2, token, c), ct),
            nextToken,
            onPage,
            Options.MaxPagesPerListing,
            cancellationToken,
            fullPage);
}
