using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.References;

namespace AmiAutomation.Aws.Inventory;

/// <summary>
/// The fleet-wide sources of one inventory, read side by side: each source has its own <see cref="SourceRun"/> and its
/// own collection and runs in its own rate bucket (one per action), so the read takes as long as the slowest source,
/// not the sum. Reports and references are assembled in a fixed order afterwards, whatever finished first.
/// </summary>
internal sealed class FleetRead
{
    private readonly Dictionary<string, AmiImage> _images = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _versionsRead = new(StringComparer.Ordinal);
    private readonly List<ImageReference> _instances = [];
    private readonly List<ImageReference> _templates = [];
    private readonly List<ImageReference> _launchConfigurations = [];
    private readonly List<ImageReference> _spotRequests = [];
    private readonly List<ImageReference> _spotFleets = [];
    private SourceRun[] _runs = [];
    private SourceReport? _lastLaunched;

    private FleetRead()
    {
    }

    public IEnumerable<AmiImage> Images => _images.Values;

    /// <summary>Reads every fleet-wide source concurrently; never throws for a source's failure (each is reported).</summary>
    public static async Task<FleetRead> ReadAsync(InventoryContext context, CancellationToken cancellationToken)
    {
        var read = new FleetRead();
        var options = context.Options;

        // Started one after another, each runs until its first call is in flight; WhenAll cannot throw (SourceRunner catches all).
        Task<SourceRun>[] runs =
        [
            SourceRunner.RunAsync(InventorySource.Images, options, run => ImageSource.ReadAsync(context, run, read._images, cancellationToken), cancellationToken),
            SourceRunner.RunAsync(InventorySource.Instances, options, run => InstanceSource.ReadAsync(context, run, read._instances, cancellationToken), cancellationToken),
            SourceRunner.RunAsync(InventorySource.LaunchTemplates, options, run => LaunchTemplateSource.ReadAsync(context, run, read._templates, read._versionsRead, cancellationToken), cancellationToken),
            SourceRunner.RunAsync(InventorySource.LaunchConfigurations, options, run => LaunchConfigurationSource.ReadAsync(context, run, read._launchConfigurations, cancellationToken), cancellationToken),
            SourceRunner.RunAsync(InventorySource.SpotRequests, options, run => SpotRequestSource.ReadAsync(context, run, read._spotRequests, cancellationToken), cancellationToken),
            SourceRunner.RunAsync(InventorySource.SpotFleets, options, run => SpotFleetSource.ReadAsync(context, run, read._spotFleets, cancellationToken), cancellationToken),
        ];
        read._runs = await Task.WhenAll(runs);
        read._lastLaunched = LastLaunchedReport(options, read._runs[0], read._images.Values);
        return read;
    }

    /// <summary>
    /// The snapshot with the per-image references added. Sources in the order reports have always had (images, instances,
    /// launch templates, image references, last launched, launch configurations, Spot requests, Spot fleets); references
    /// in that order too, so "in use" details name the same resources whichever source answered first.
    /// </summary>
    public InventorySnapshot ToSnapshot(
        string region, string accountId, IReadOnlyList<ImageReference> perImage, SourceReport imageReferences, IReadOnlySet<string>? perImageReadFor)
    {
        IReadOnlyList<SourceReport> reports =
        [
            _runs[0].ToReport(), _runs[1].ToReport(), _runs[2].ToReport(), imageReferences, _lastLaunched!,
            _runs[3].ToReport(), _runs[4].ToReport(), _runs[5].ToReport(),
        ];
        var references = _instances.Concat(_templates).Concat(perImage).Concat(_launchConfigurations).Concat(_spotRequests).Concat(_spotFleets);
        return new InventorySnapshot(region, accountId, [.. _images.Values], new ReferenceIndex(references), reports)
        {
            LaunchTemplateVersionsRead = _versionsRead,
            PerImageReferencesReadFor = perImageReadFor,
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
}
