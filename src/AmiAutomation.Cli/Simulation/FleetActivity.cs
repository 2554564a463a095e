using System.Globalization;
using System.Text.RegularExpressions;
using AmiAutomation.Aws.Mapping;
using AmiAutomation.Core.Families;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Simulation;
using AmiAutomation.Simulation.Seeding;
using Amazon.EC2.Model;

namespace AmiAutomation.Cli.Simulation;

/// <summary>
/// What happens in the account besides our functions, day by day: each family's pipeline builds a new image on its
/// cadence (tags, sizes and encryption like its last build), and deployments roll the family's running instances
/// and its launch template over to the new image (some stay pinned). Seeded: the same seed gives the same days.
/// </summary>
internal sealed partial class FleetActivity
{
    private static readonly string[] CarriedTagPrefixes = [TagNames.Family, TagNames.CopyTo, "Name", "aws:dlm:", "aws:backup:", "CreatedBy", "Ec2ImageBuilderArn"];

    private readonly Ec2Simulator _simulator;
    private readonly Random _random;
    private readonly List<BuildFamily> _families;

    private FleetActivity(Ec2Simulator simulator, Random random, List<BuildFamily> families)
    {
        _simulator = simulator;
        _random = random;
        _families = families;
    }

    public IReadOnlyList<BuildFamily> Families => _families;

    /// <summary>Finds the families in the generated fleet (originals we own, grouped as the functions group them).</summary>
    public static async Task<FleetActivity> DiscoverAsync(Ec2Simulator simulator, IReadOnlyList<string> regions, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed ^ 0x0b11d);
        var now = simulator.Now;
        var families = new List<BuildFamily>();
        foreach (var region in regions)
        {
            var images = simulator.ListImages(region)
                .Where(i => i.OwnerId == simulator.AccountId)
                .Select(i => Ec2ImageMapper.ToAmiImage(i, region))
                .ToList();
            var familyOf = images.ToDictionary(i => i.ImageId, KeyOf, StringComparer.Ordinal);
            var byFamily = new Dictionary<string, BuildFamily>(StringComparer.Ordinal);
            foreach (var group in images
                .Where(i => i.SourceImageId is null && i.State == ImageState.Available && i.RootDevice == RootDeviceKind.Ebs)
                .GroupBy(i => familyOf[i.ImageId], StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var builds = group.OrderBy(i => i.CreationDate).ThenBy(i => i.ImageId, StringComparer.Ordinal).ToList();
                var cadence = CadenceOf(builds);
                var next = builds[^1].CreationDate + cadence;
                if (next <= now)
                {
                    next = now + TimeSpan.FromHours(random.NextDouble() * cadence.TotalHours);
                }

                var family = new BuildFamily { Key = group.Key, Region = region, Cadence = cadence, NextBuildAt = next, Latest = builds[^1] };
                byFamily[group.Key] = family;
                families.Add(family);
            }

            await AttachReferencesAsync(simulator, region, familyOf, byFamily, cancellationToken);
        }

        return new FleetActivity(simulator, random, families);
    }

    /// <summary>The builds due before <paramref name="until"/>, in time order; each family's next one is scheduled.</summary>
    public IReadOnlyList<(BuildFamily Family, DateTimeOffset At)> BuildsDue(DateTimeOffset until)
    {
        var due = new List<(BuildFamily, DateTimeOffset)>();
        foreach (var family in _families)
        {
            while (family.NextBuildAt < until)
            {
                due.Add((family, family.NextBuildAt));
                var jitter = 0.9 + (_random.NextDouble() * 0.2);
                family.NextBuildAt += TimeSpan.FromMinutes(Math.Max(60, family.Cadence.TotalMinutes * jitter));
            }
        }

        return [.. due.OrderBy(d => d.Item2).ThenBy(d => d.Item1.Key, StringComparer.Ordinal)];
    }

    /// <summary>Registers the family's next build now (available at once, as an image build pipeline delivers it).</summary>
    public string Build(BuildFamily family)
    {
        var now = _simulator.Now;
        family.Builds++;
        var latest = family.Latest;
        var image = new ImageBuilder()
            .Named(NameFor(family, now))
            .CreatedAt(now)
            .WithDescription(string.Create(CultureInfo.InvariantCulture, $"{family.Key} pipeline build {family.Builds}"));
        foreach (var snapshot in latest.Snapshots.Count == 0 ? [new AmiAutomation.Core.Images.SnapshotInfo("", 8, "/dev/xvda")] : latest.Snapshots)
        {
            image.WithSnapshot(snapshot.SizeGiB);
        }

        image.Tagged(latest.Tags.Where(t => CarriedTagPrefixes.Any(p => t.Key.StartsWith(p, StringComparison.Ordinal)))
            .OrderBy(t => t.Key, StringComparer.Ordinal));
        var imageId = _simulator.AddImage(family.Region, image);
        family.Latest = Ec2ImageMapper.ToAmiImage(_simulator.FindImage(family.Region, imageId)!, family.Region);
        return imageId;
    }

    /// <summary>Deploys the family's newest build: new instances replace the running ones (most deployments), and
    /// the launch template gets a new default version (unless the family stays pinned). Returns instances launched.</summary>
    public int RollOut(BuildFamily family)
    {
        var now = _simulator.Now;
        var launched = 0;
        if (family.Instances.Count > 0 && _random.NextDouble() < 0.8)
        {
            var count = Math.Min(4, family.Instances.Count);
            foreach (var old in family.Instances)
            {
                _simulator.SetInstanceState(family.Region, old, "terminated");
            }

            family.Instances.Clear();
            for (var i = 0; i < count; i++)
            {
                family.Instances.Add(_simulator.AddInstance(family.Region, family.Latest.ImageId, "running", now));
                launched++;
            }

            _simulator.SetLastLaunched(family.Region, family.Latest.ImageId, now);
        }

        if (family.LaunchTemplateId is { } template && _random.NextDouble() < 0.85)
        {
            _simulator.AddLaunchTemplateVersion(family.Region, template, family.Latest.ImageId, makeDefault: true);
        }

        return launched;
    }

    /// <summary>The family as the build pipeline knows it: the family tag, else the name-derived family, else the
    /// name up to its first number (names the default rule cannot split still belong to one pipeline).</summary>
    private static string KeyOf(AmiImage image)
    {
        var family = FamilyResolver.Default.Resolve(image);
        if (!string.Equals(family, image.Name, StringComparison.Ordinal))
        {
            return family;
        }

        var stem = StemPattern().Match(image.Name);
        return stem.Success ? stem.Groups["stem"].Value : image.Name;
    }

    private static TimeSpan CadenceOf(IReadOnlyList<AmiImage> builds)
    {
        if (builds.Count < 2)
        {
            return TimeSpan.FromDays(7);
        }

        var gaps = builds.Zip(builds.Skip(1), (a, b) => (b.CreationDate - a.CreationDate).TotalHours).TakeLast(6).Order().ToList();
        var median = gaps[gaps.Count / 2];
        return TimeSpan.FromHours(Math.Clamp(Math.Round(median), 24, 30 * 24));
    }

    private static string NameFor(BuildFamily family, DateTimeOffset now)
    {
        if (family.Latest.Tag("aws:backup:source-resource") is { } resource)
        {
            var instance = resource[(resource.LastIndexOf('/') + 1)..];
            return string.Create(CultureInfo.InvariantCulture, $"AwsBackup_{instance}_{now:yyyyMMddHHmmss}");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{family.Key}-{now:yyyyMMdd'T'HHmm'Z'}");
    }

    private static async Task AttachReferencesAsync(Ec2Simulator simulator, string region, Dictionary<string, string> familyOf,
        Dictionary<string, BuildFamily> byFamily, CancellationToken cancellationToken)
    {
        var client = simulator.ClientFor(region);
        string? token = null;
        do
        {
            var page = await client.DescribeInstancesAsync(new DescribeInstancesRequest { NextToken = token }, cancellationToken);
            foreach (var instance in page.Reservations?.SelectMany(r => r.Instances ?? []) ?? [])
            {
                if (instance.State?.Name?.Value == "running" && familyOf.TryGetValue(instance.ImageId, out var key) && byFamily.TryGetValue(key, out var family))
                {
                    family.Instances.Add(instance.InstanceId);
                }
            }

            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        var templates = await client.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest(), cancellationToken);
        foreach (var template in templates.LaunchTemplates ?? [])
        {
            var versions = await client.DescribeLaunchTemplateVersionsAsync(
                new DescribeLaunchTemplateVersionsRequest { LaunchTemplateId = template.LaunchTemplateId, Versions = ["$Default"], ResolveAlias = true },
                cancellationToken);
            var imageId = versions.LaunchTemplateVersions?.FirstOrDefault()?.LaunchTemplateData?.ImageId;
            if (imageId is not null && familyOf.TryGetValue(imageId, out var key) && byFamily.TryGetValue(key, out var family))
            {
                family.LaunchTemplateId ??= template.LaunchTemplateId;
            }
        }
    }

    [GeneratedRegex(@"^(?<stem>.+?)[-_.\s]+(?:v?\d|build)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StemPattern();
}
