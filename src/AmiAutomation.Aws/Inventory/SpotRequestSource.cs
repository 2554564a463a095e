using AmiAutomation.Aws.Paging;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.References;
using Amazon.EC2;
using Amazon.EC2.Model;
using ImageReference = AmiAutomation.Core.References.ImageReference;

namespace AmiAutomation.Aws.Inventory;

/// <summary>
/// Spot Instance requests that can still launch: <c>open</c> (not yet fulfilled, or a persistent request reopened after
/// an interruption: no instance names the image then), <c>active</c> and <c>disabled</c> (its instance was stopped and
/// restarts from <c>LaunchSpecification.ImageId</c>). <c>closed</c>, <c>cancelled</c> and <c>failed</c> launch nothing.
/// A live request without an image id makes the source Truncated (<see cref="ConsumerCollector"/>).
/// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/spot-request-status.html ,
/// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-spot-instances-cancel.html
/// </summary>
/// <remarks>ec2:DescribeSpotInstanceRequests</remarks>
internal static class SpotRequestSource
{
    public const string Action = "DescribeSpotInstanceRequests";

    /// <summary>Asked for by filter.</summary>
    public static readonly IReadOnlyList<string> LaunchableStates = ["open", "active", "disabled"];

    /// <summary>Dropped if an endpoint ignores the filter; any other state (unknown included) still pins its image.</summary>
    private static readonly HashSet<string> FinalStates = new(StringComparer.Ordinal) { "closed", "cancelled", "failed" };

    public static Task ReadAsync(InventoryContext context, SourceRun run, List<ImageReference> references, CancellationToken cancellationToken) =>
        ConsumerListing.CollectAsync(run, Action, ReferenceKind.SpotRequest, references, (onCall, onConsumer) => ReadAllAsync(
            context.Client, context.Limiter, context.Options.SpotRequestPageSize, context.Options.MaxPagesPerListing, onCall, onConsumer, cancellationToken));

    /// <summary>Every launchable request, every page (shared with the re-check).</summary>
    public static Task ReadAllAsync(
        IAmazonEC2 client,
        Ec2RateLimiter limiter,
        int pageSize,
        int maxPages,
        Action onCall,
        Action<Consumer> onConsumer,
        CancellationToken cancellationToken)
    {
        List<Filter> filters = [new Filter("state", [.. LaunchableStates])];
        return Pager.ReadAllAsync(
            Action,
            (token, ct) => ConsumerListing.SendAsync(
                limiter,
                Action,
                onCall,
                c => client.DescribeSpotInstanceRequestsAsync(
                    new DescribeSpotInstanceRequestsRequest { Filters = filters, MaxResults = pageSize, NextToken = token }, c),
                ct),
            response => response.NextToken,
            response =>
            {
                var requests = response.SpotInstanceRequests ?? [];
                FullPageCheck.ThrowIfFullWithoutToken(Action, requests.Count, pageSize, response.NextToken);
                foreach (var request in requests)
                {
                    if (request.State?.Value is { } state && FinalStates.Contains(state))
                    {
                        continue;
                    }

                    onConsumer(new Consumer(request.SpotInstanceRequestId ?? "(unknown Spot request)", request.LaunchSpecification?.ImageId));
                }
            },
            maxPages,
            cancellationToken);
    }
}
