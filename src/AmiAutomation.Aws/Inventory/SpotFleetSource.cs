using AmiAutomation.Aws.Paging;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.References;
using Amazon.EC2;
using Amazon.EC2.Model;
using ImageReference = AmiAutomation.Core.References.ImageReference;

namespace AmiAutomation.Aws.Inventory;

/// <summary>
/// Spot Fleet requests that can still launch (<c>submitted</c>, <c>active</c>, <c>modifying</c>; any state we do not know
/// counts too), with the image of each of their launch specifications. Launch-template configs are read by the launch
/// template source (every version); Spot Fleet overrides carry no image id. A launch specification without an image id,
/// or a live fleet with neither specifications nor launch-template configs, names an image we cannot know, so the
/// source is Truncated (<see cref="ConsumerCollector"/>). <c>cancelled_*</c> and <c>failed</c> fleets launch nothing
/// new (their running instances are read as instances).
/// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/spot-fleet-states.html ,
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_SpotFleetRequestConfig.html ,
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_SpotFleetRequestConfigData.html
/// </summary>
/// <remarks>ec2:DescribeSpotFleetRequests</remarks>
internal static class SpotFleetSource
{
    public const string Action = "DescribeSpotFleetRequests";

    private static readonly HashSet<string> FinalStates = new(StringComparer.Ordinal)
    {
        "cancelled", "cancelled_running", "cancelled_terminating", "failed",
    };

    public static Task ReadAsync(InventoryContext context, SourceRun run, List<ImageReference> references, CancellationToken cancellationToken) =>
        ConsumerListing.CollectAsync(run, Action, ReferenceKind.SpotFleet, references, (onCall, onConsumer) => ReadAllAsync(
            context.Client, context.Limiter, context.Options.SpotFleetPageSize, context.Options.MaxPagesPerListing, onCall, onConsumer, cancellationToken));

    /// <summary>Every launch specification of every fleet that can still launch, every page (no server-side filter exists).</summary>
    public static Task ReadAllAsync(
        IAmazonEC2 client,
        Ec2RateLimiter limiter,
        int pageSize,
        int maxPages,
        Action onCall,
        Action<Consumer> onConsumer,
        CancellationToken cancellationToken) =>
        Pager.ReadAllAsync(
            Action,
            (token, ct) => ConsumerListing.SendAsync(
                limiter,
                Action,
                onCall,
                c => client.DescribeSpotFleetRequestsAsync(new DescribeSpotFleetRequestsRequest { MaxResults = pageSize, NextToken = token }, c),
                ct),
            response => response.NextToken,
            response =>
            {
                var fleets = response.SpotFleetRequestConfigs ?? [];
                FullPageCheck.ThrowIfFullWithoutToken(Action, fleets.Count, pageSize, response.NextToken);
                foreach (var fleet in fleets)
                {
                    if (fleet.SpotFleetRequestState?.Value is { } state && FinalStates.Contains(state))
                    {
                        continue;
                    }

                    var id = fleet.SpotFleetRequestId ?? "(unknown Spot Fleet request)";
                    var specifications = fleet.ConfigData?.LaunchSpecifications ?? [];
                    foreach (var specification in specifications)
                    {
                        onConsumer(new Consumer(id, specification.ImageId));
                    }

                    if (specifications.Count == 0 && (fleet.ConfigData?.LaunchTemplateConfigs ?? []).Count == 0)
                    {
                        // AWS requires one or the other; a fleet naming neither is a shape we do not know: not trusted.
                        onConsumer(new Consumer(id, null));
                    }
                }
            },
            maxPages,
            cancellationToken);
}
