using AmiAutomation.Aws.AutoScaling;
using AmiAutomation.Aws.Paging;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.References;

namespace AmiAutomation.Aws.Inventory;

/// <summary>
/// Every Auto Scaling launch configuration, every page (MaxRecords ≤ 100): a group built on one launches its image at
/// the next scale-out, with no instance or launch template naming it. Launch configurations cannot change (a new one is
/// a new name), so the image they name is fixed.
/// https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeLaunchConfigurations.html
/// </summary>
/// <remarks>autoscaling:DescribeLaunchConfigurations</remarks>
internal static class LaunchConfigurationSource
{
    /// <summary>Namespaced: the rate limiter keeps it in a bucket of its own, apart from EC2's.</summary>
    public const string Action = "autoscaling:DescribeLaunchConfigurations";

    public static Task ReadAsync(InventoryContext context, SourceRun run, List<ImageReference> references, CancellationToken cancellationToken) =>
        ConsumerListing.CollectAsync(run, Action, ReferenceKind.LaunchConfiguration, references, (onCall, onConsumer) => ReadAllAsync(
            context.AutoScaling.Value, context.Limiter, context.Options.LaunchConfigurationPageSize, context.Options.MaxPagesPerListing, onCall, onConsumer, cancellationToken));

    /// <summary>Reads every page through the rate limiter (shared with the re-check). A token loop, or a single full page
    /// without a NextToken that the one-fewer probe does not page either, throws <see cref="PagingTruncatedException"/>.</summary>
    public static Task ReadAllAsync(
        IAutoScalingClient client,
        Ec2RateLimiter limiter,
        int pageSize,
        int maxPages,
        Action onCall,
        Action<Consumer> onConsumer,
        CancellationToken cancellationToken) =>
        Pager.ReadAllAsync(
            Action,
            (token, ct) => ConsumerListing.SendAsync(limiter, Action, onCall, c => client.DescribeLaunchConfigurationsAsync(token, pageSize, c), ct),
            page => page.NextToken,
            page =>
            {
                foreach (var configuration in page.LaunchConfigurations ?? [])
                {
                    onConsumer(new Consumer(configuration.Name, configuration.ImageId));
                }
            },
            maxPages,
            cancellationToken,
            // A single full page without a token is probed with one record fewer: an endpoint that pages must then send a
            // token (an account with exactly 100 launch configurations is read, not blocked); one that cuts short is Truncated.
            new PageSizeCheck<LaunchConfigurationPage>(
                pageSize,
                page => page.LaunchConfigurations?.Count ?? 0,
                (size, ct) => ConsumerListing.SendAsync(limiter, Action, onCall, c => client.DescribeLaunchConfigurationsAsync(null, size, c), ct)));
}
