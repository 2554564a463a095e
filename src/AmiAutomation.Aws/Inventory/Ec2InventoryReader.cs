using AmiAutomation.Aws.AutoScaling;
using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Paging;
using AmiAutomation.Aws.Regions;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.References;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AmiAutomation.Aws.Inventory;

/// <summary>
/// Reads one region: owned images and everything that references them, each source reported separately.
/// Fails closed: a source that errors, loops or cannot be resolved is reported Failed/Truncated and the snapshot is
/// still returned (then <see cref="InventorySnapshot.IsComplete"/> is false and planners block destructive actions).
/// Calls for N images: ⌈N/1000⌉ DescribeImages pages + ⌈N/10⌉ DescribeImageReferences batches + the instance, launch
/// template, launch configuration, Spot request and Spot Fleet pages; nothing per image.
/// </summary>
/// <remarks>IAM: ec2:DescribeImages, ec2:DescribeInstances, ec2:DescribeLaunchTemplates, ec2:DescribeLaunchTemplateVersions,
/// ec2:DescribeImageReferences (+ AmazonEC2ImageReferencesAccessPolicy), autoscaling:DescribeLaunchConfigurations,
/// ec2:DescribeSpotInstanceRequests, ec2:DescribeSpotFleetRequests.</remarks>
public sealed class Ec2InventoryReader
{
    private readonly IEc2ClientFactory _clients;
    private readonly IRegionalApiClients _apis;
    private readonly Ec2RateLimiterRegistry _rateLimiters;
    private readonly ILogger _logger;

    /// <param name="clients">EC2 per region.</param>
    /// <param name="apis">Auto Scaling per region (launch configurations).</param>
    /// <param name="rateLimiters">Client-side rate limits; Auto Scaling calls get buckets of their own.</param>
    /// <param name="logger">Source failures and the summary.</param>
    public Ec2InventoryReader(IEc2ClientFactory clients, IRegionalApiClients apis, Ec2RateLimiterRegistry rateLimiters, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(apis);
        ArgumentNullException.ThrowIfNull(rateLimiters);
        _clients = clients;
        _apis = apis;
        _rateLimiters = rateLimiters;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Reads the region. Never throws for a source's failure; throws only for invalid arguments.</summary>
    /// <exception cref="InvalidRegionException"><paramref name="region"/> is not a region name.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid (all problems listed).</exception>
    public async Task<InventorySnapshot> ReadAsync(string region, InventoryOptions options, CancellationToken cancellationToken)
    {
        RegionName.Validate(region);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid inventory options: " + string.Join(" ", problems), nameof(options));
        }

        var context = new InventoryContext(region, _clients.ForRegion(region), new Lazy<IAutoScalingClient>(() => _apis.AutoScaling(region)), _rateLimiters.ForRegion(region), options);
        var versionsRead = new Dictionary<string, long>(StringComparer.Ordinal);
        var images = new Dictionary<string, AmiImage>(StringComparer.Ordinal);
        var references = new List<ImageReference>();

        var imageRun = await RunAsync(InventorySource.Images, options, run => ImageSource.ReadAsync(context, run, images, cancellationToken), cancellationToken).ConfigureAwait(false);
        var lastLaunched = LastLaunchedReport(options, imageRun, images.Values);
        var instances = await RunAsync(InventorySource.Instances, options, run => InstanceSource.ReadAsync(context, run, references, cancellationToken), cancellationToken).ConfigureAwait(false);
        var templates = await RunAsync(InventorySource.LaunchTemplates, options, run => LaunchTemplateSource.ReadAsync(context, run, references, versionsRead, cancellationToken), cancellationToken).ConfigureAwait(false);
        var imageIds = images.Keys.ToList();
        var imageReferences = await RunAsync(InventorySource.ImageReferences, options, run => ImageReferenceSource.ReadAsync(context, run, imageIds, references, cancellationToken), cancellationToken).ConfigureAwait(false);

        var launchConfigurations = await RunAsync(InventorySource.LaunchConfigurations, options, run => LaunchConfigurationSource.ReadAsync(context, run, references, cancellationToken), cancellationToken).ConfigureAwait(false);
        var spotRequests = await RunAsync(InventorySource.SpotRequests, options, run => SpotRequestSource.ReadAsync(context, run, references, cancellationToken), cancellationToken).ConfigureAwait(false);
        var spotFleets = await RunAsync(InventorySource.SpotFleets, options, run => SpotFleetSource.ReadAsync(context, run, references, cancellationToken), cancellationToken).ConfigureAwait(false);

        IReadOnlyList<SourceReport> reports =
        [
            imageRun.ToReport(), instances.ToReport(), templates.ToReport(), imageReferences.ToReport(), lastLaunched,
            launchConfigurations.ToReport(), spotRequests.ToReport(), spotFleets.ToReport(),
        ];
        foreach (var report in reports)
        {
            if (report.Status is SourceStatus.Failed or SourceStatus.Truncated)
            {
                _logger.LogWarning(
                    "Inventory source {Source} in {Region} is {Status} after {Calls} calls: {Error}",
                    report.Source,
                    region,
                    report.Status,
                    report.Calls,
                    report.Error);
            }
        }

        var accountId = options.AccountId ?? images.Values.Select(i => i.OwnerId).FirstOrDefault(o => !string.IsNullOrEmpty(o)) ?? string.Empty;
        _logger.LogInformation(
            "Inventory of {Region}: {Images} images, {References} references, {Calls} calls, complete {Complete}",
            region,
            images.Count,
            references.Count,
            reports.Sum(r => r.Calls),
            reports.All(r => r.Status is SourceStatus.Complete or SourceStatus.Disabled));
        return new InventorySnapshot(region, accountId, [.. images.Values], new ReferenceIndex(references), reports)
        {
            LaunchTemplateVersionsRead = versionsRead,
        };
    }

    private static SourceReport LastLaunchedReport(InventoryOptions options, SourceRun imageRun, IEnumerable<AmiImage> images)
    {
        if (!options.IsEnabled(InventorySource.LastLaunchedTime))
        {
            return new SourceReport(InventorySource.LastLaunchedTime, SourceStatus.Disabled, 0, 0);
        }

        // Read with the images (DescribeImages returns LastLaunchedTime): as complete as that listing, no calls of its own.
        var launched = images.Count(i => i.LastLaunchedTime is not null);
        return imageRun.Status == SourceStatus.Complete
            ? new SourceReport(InventorySource.LastLaunchedTime, SourceStatus.Complete, launched, 0)
            : new SourceReport(InventorySource.LastLaunchedTime, imageRun.Status, launched, 0, "Read with DescribeImages, which did not complete.");
    }

    private static async Task<SourceRun> RunAsync(InventorySource source, InventoryOptions options, Func<SourceRun, Task> read, CancellationToken cancellationToken)
    {
        var run = new SourceRun(source);
        if (!options.IsEnabled(source))
        {
            return run.Disable();
        }

        try
        {
            await read(run).ConfigureAwait(false);
        }
        catch (PagingTruncatedException ex)
        {
            run.Truncate(ex.Message);
        }
        catch (AmazonServiceException ex)
        {
            run.Fail($"{run.Operation} failed: {Ec2ErrorCodes.Describe(ex)}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Fail($"Cancelled during {run.Operation} before the source was read to the end.");
        }
#pragma warning disable CA1031 // Fail closed: any other error (network, timeout, mapping) makes this source Failed, never the run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            run.Fail($"{run.Operation} failed: {ex.GetType().Name}: {ex.Message}");
        }

        return run;
    }
}
