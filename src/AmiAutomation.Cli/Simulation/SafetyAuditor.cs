using AmiAutomation.Aws.Mapping;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Simulation;
using AmiAutomation.Simulation.Ledger;
using Amazon.EC2.Model;

namespace AmiAutomation.Cli.Simulation;

/// <summary>
/// Checks every expire run from the outside, independently of the functions' own inventory code: right before the
/// run it records every image and everything that references one (instances in any state but terminated, EVERY
/// launch template version, DescribeImageReferences, and from the simulator's own state every other kind of consumer:
/// launch configurations, Spot requests that can launch, Spot Fleets that can launch); right after, every image that
/// disappeared is checked against that record (referenced? protected? ledger record written?).
/// </summary>
internal sealed class SafetyAuditor(Ec2Simulator simulator, InMemoryDeregistrationLedger ledger)
{
    private readonly List<string> _inUseDeregistered = [];

    public int InUseDeregistered => _inUseDeregistered.Count;
    public int ProtectedDeregistered { get; private set; }
    public int Checked { get; private set; }
    public int Runs { get; private set; }
    public long ReferencesChecked { get; private set; }
    public int WithLedgerRecord { get; private set; }

    public SafetyReport Report() => new()
    {
        InUseImagesDeregistered = _inUseDeregistered.Count,
        InUseImagesDeregisteredIds = [.. _inUseDeregistered],
        ProtectedImagesDeregistered = ProtectedDeregistered,
        DeregistrationsChecked = Checked,
        ExpireRunsChecked = Runs,
        ReferencesChecked = ReferencesChecked,
        DeregistrationsWithLedgerRecord = WithLedgerRecord,
    };

    /// <summary>Records the region's images and references; returns the check to run after the expire run.</summary>
    public async Task<Func<CancellationToken, Task<int>>> BeforeExpireAsync(string region, CancellationToken cancellationToken)
    {
        var images = OwnImages(region);
        var referenced = await ReferencedImagesAsync(region, images.Keys.ToList(), cancellationToken);
        return async token =>
        {
            Runs++;
            var after = OwnImages(region);
            var removed = images.Keys.Where(id => !after.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
            foreach (var imageId in removed)
            {
                Checked++;
                if (referenced.Contains(imageId))
                {
                    _inUseDeregistered.Add($"{region}/{imageId}");
                }

                if (IsProtected(images[imageId]))
                {
                    ProtectedDeregistered++;
                }

                if (await ledger.GetAsync(region, imageId, token) is not null)
                {
                    WithLedgerRecord++;
                }
            }

            return removed.Count;
        };
    }

    private static bool IsProtected(AmiImage image) =>
        image.ManagedBy is not (ImageManager.Nobody or ImageManager.Us)
        || (image.Tag(TagNames.Keep) is { } keep && !System.Text.Ascii.EqualsIgnoreCase(keep, "false"))
        || image.DeregistrationProtected
        || image.IsPublic;

    private Dictionary<string, AmiImage> OwnImages(string region) =>
        simulator.ListImages(region)
            .Where(i => i.OwnerId == simulator.AccountId)
            .ToDictionary(i => i.ImageId, i => Ec2ImageMapper.ToAmiImage(i, region), StringComparer.Ordinal);

    private async Task<HashSet<string>> ReferencedImagesAsync(string region, IReadOnlyList<string> imageIds, CancellationToken cancellationToken)
    {
        var client = simulator.ClientFor(region);
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await client.DescribeInstancesAsync(new DescribeInstancesRequest { NextToken = token }, cancellationToken);
            foreach (var instance in page.Reservations?.SelectMany(r => r.Instances ?? []) ?? [])
            {
                if (instance.State?.Name?.Value != "terminated")
                {
                    Add(instance.ImageId);
                }
            }

            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        do
        {
            var templates = await client.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest { NextToken = token }, cancellationToken);
            foreach (var template in templates.LaunchTemplates ?? [])
            {
                string? versionToken = null;
                do
                {
                    var versions = await client.DescribeLaunchTemplateVersionsAsync(
                        new DescribeLaunchTemplateVersionsRequest { LaunchTemplateId = template.LaunchTemplateId, ResolveAlias = true, NextToken = versionToken },
                        cancellationToken);
                    foreach (var version in versions.LaunchTemplateVersions ?? [])
                    {
                        Add(version.LaunchTemplateData?.ImageId);
                    }

                    versionToken = versions.NextToken;
                }
                while (!string.IsNullOrEmpty(versionToken));
            }

            token = templates.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        foreach (var batch in imageIds.Chunk(10))
        {
            do
            {
                var page = await client.DescribeImageReferencesAsync(
                    new DescribeImageReferencesRequest { ImageIds = [.. batch], IncludeAllResourceTypes = true, NextToken = token },
                    cancellationToken);
                foreach (var reference in page.ImageReferences ?? [])
                {
                    Add(reference.ImageId);
                }

                token = page.NextToken;
            }
            while (!string.IsNullOrEmpty(token));
        }

        // Every kind the simulator models, read from its state rather than through the APIs the functions use.
        foreach (var (imageId, _, _) in simulator.ImagesInUse(region))
        {
            Add(imageId);
        }

        return referenced;

        void Add(string? imageId)
        {
            if (!string.IsNullOrEmpty(imageId))
            {
                ReferencesChecked++;
                referenced.Add(imageId);
            }
        }
    }
}
