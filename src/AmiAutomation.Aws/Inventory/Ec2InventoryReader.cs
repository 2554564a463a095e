using AmiAutomation.Aws.AutoScaling;
using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Regions;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.References;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AmiAutomation.Aws.Inventory;

/// <summary>
/// Reads one region: owned images and everything that references them, each source reported separately.
/// Fails closed: a source that errors, loops or cannot be resolved is reported Failed/Truncated and the snapshot is
/// still returned (then <see cref="InventorySnapshot.IsComplete"/> is false and planners block destructive actions).
/// The fleet-wide sources are read concurrently (<see cref="FleetRead"/>), then DescribeImageReferences for the candidates.
/// Calls for N images: ⌈N/1000⌉ DescribeImages pages + ⌈C/10⌉ DescribeImageReferences batches (C: the candidates, N on
/// the full read) + the instance, launch template, launch configuration, Spot request and Spot Fleet pages; nothing per
/// image.
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

    /// <summary>Reads the region, DescribeImageReferences for every image (the full read). Never throws for a source's
    /// failure; throws only for invalid arguments.</summary>
    /// <exception cref="InvalidRegionException"><paramref name="region"/> is not a region name.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid (all problems listed).</exception>
    public Task<InventorySnapshot> ReadAsync(string region, InventoryOptions options, CancellationToken cancellationToken) =>
        ReadAsync(region, options, null, cancellationToken);

    /// <summary>
    /// Candidates first: reads the fleet-wide sources (images, instances, launch templates and versions, launch
    /// configurations, Spot requests and fleets) concurrently, asks <paramref name="candidates"/> (pure, e.g.
    /// <c>ExpiryPlanner.Candidates</c>) which images' decisions depend on per-image references, then reads
    /// DescribeImageReferences for those only. Calls: ⌈N/1000⌉ + ⌈C/10⌉ + the fleet-wide pages.
    /// <see cref="InventorySnapshot.PerImageReferencesReadFor"/> names the images read, so planners act on no other.
    /// </summary>
    /// <param name="candidates">From the fleet-wide snapshot (its ImageReferences source not read yet) to the image ids to
    /// read references for; null = every image (the full read).</param>
    /// <exception cref="InvalidRegionException"><paramref name="region"/> is not a region name.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid (all problems listed).</exception>
    public async Task<InventorySnapshot> ReadAsync(
        string region, InventoryOptions options, Func<InventorySnapshot, IReadOnlySet<string>>? candidates, CancellationToken cancellationToken)
    {
        RegionName.Validate(region);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid inventory options: " + string.Join(" ", problems), nameof(options));
        }

        var context = new InventoryContext(region, _clients.ForRegion(region), new Lazy<IAutoScalingClient>(() => _apis.AutoScaling(region)), _rateLimiters.ForRegion(region), options);
        var fleet = await FleetRead.ReadAsync(context, cancellationToken);
        var accountId = options.AccountId ?? fleet.Images.Select(i => i.OwnerId).FirstOrDefault(o => !string.IsNullOrEmpty(o)) ?? string.Empty;

        var perImage = new List<ImageReference>();
        IReadOnlySet<string>? readFor = null;
        List<string> imageIds;
        if (candidates is null || !options.IsEnabled(InventorySource.ImageReferences))
        {
            imageIds = [.. fleet.Images.Select(i => i.ImageId)];
        }
        else
        {
            // The candidate function sees the fleet-wide references only; the not-yet-read source makes that snapshot fail closed.
            var wanted = candidates(fleet.ToSnapshot(region, accountId, [], ImageReferencesNotRead(), new HashSet<string>(StringComparer.Ordinal)));
            imageIds = [.. fleet.Images.Select(i => i.ImageId).Where(wanted.Contains)];
            readFor = imageIds.ToHashSet(StringComparer.Ordinal);
        }

        var imageReferences = await SourceRunner.RunAsync(InventorySource.ImageReferences, options, run => ImageReferenceSource.ReadAsync(context, run, imageIds, perImage, cancellationToken), cancellationToken);
        var snapshot = fleet.ToSnapshot(region, accountId, perImage, imageReferences.ToReport(), readFor);
        foreach (var report in snapshot.FailedSources)
        {
            _logger.LogWarning(
                "Inventory source {Source} in {Region} is {Status} after {Calls} calls: {Error}",
                report.Source,
                region,
                report.Status,
                report.Calls,
                report.Error);
        }

        _logger.LogInformation(
            "Inventory of {Region}: {Images} images, {References} references, {Calls} calls, per-image references read for {Read} images, complete {Complete}",
            region,
            snapshot.Images.Count,
            snapshot.References.Count,
            snapshot.Sources.Sum(r => r.Calls),
            readFor?.Count ?? (options.IsEnabled(InventorySource.ImageReferences) ? imageIds.Count : 0),
            snapshot.IsComplete);
        return snapshot;
    }

    private static SourceReport ImageReferencesNotRead() => new(
        InventorySource.ImageReferences, SourceStatus.Failed, 0, 0, "not read yet: read for the candidates once they are known");
}
