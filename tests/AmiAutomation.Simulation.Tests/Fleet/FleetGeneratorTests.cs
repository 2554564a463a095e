using AmiAutomation.Core.Tagging;
using AmiAutomation.Simulation.Fleet;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Fleet;

public sealed class FleetGeneratorTests
{
    private static readonly string[] Regions = ["us-east-1", "eu-west-1", "ap-southeast-2"];

    private static (TestWorld World, FleetSummary Summary) Generate(int images, int seed = 7)
    {
        var world = new TestWorld();
        var summary = FleetGenerator.Generate(world.Simulator, new FleetOptions { ImageCount = images, Seed = seed, Regions = Regions });
        return (world, summary);
    }

    private static string Fingerprint(TestWorld world) => string.Join('\n', Regions.SelectMany(region =>
        world.Simulator.ListImages(region).Select(i =>
            $"{region}|{i.ImageId}|{i.Name}|{i.CreationDate}|{i.State}|{i.DeprecationTime}|{i.LastLaunchedTime}|{i.Public}|{i.DeregistrationProtection}|{i.SourceImageId}|"
            + string.Join(',', (i.Tags ?? []).Select(t => t.Key + "=" + t.Value)) + "|"
            + string.Join(',', (i.BlockDeviceMappings ?? []).Select(b => b.Ebs?.SnapshotId + ":" + b.Ebs?.VolumeSize))))
        .Concat(Regions.Select(r => $"{r}: {world.Simulator.InstanceCount(r)} instances, {world.Simulator.LaunchTemplateCount(r)} templates")));

    [Fact]
    public void SameSeed_SameFleet_DifferentSeed_DifferentFleet()
    {
        var (a, summaryA) = Generate(2_000, seed: 42);
        var (b, summaryB) = Generate(2_000, seed: 42);
        var (c, _) = Generate(2_000, seed: 43);

        Assert.Equal(Fingerprint(a), Fingerprint(b));
        Assert.Equal(summaryA.Traits, summaryB.Traits);
        Assert.NotEqual(Fingerprint(a), Fingerprint(c));
    }

    [Fact]
    public void Generates_ExactlyTheRequestedCount_WithEveryTrait()
    {
        var (world, summary) = Generate(5_000);

        Assert.Equal(5_000, summary.Images);
        Assert.Equal(5_000, Regions.Sum(world.Simulator.ImageCount));
        Assert.Equal(summary.ImagesByRegion.Values.Sum(), summary.Images);
        foreach (var trait in new[] { "shared", "disabled", "deprecated", "protected", "keep", "instance-store", "dlm", "aws-backup", "image-builder", "failed", "pending", "expires-at" })
        {
            Assert.True(summary.Traits.GetValueOrDefault(trait) > 0, $"no '{trait}' images");
        }

        Assert.True(summary.Copies > 1_000, $"only {summary.Copies} copies");
        Assert.True(summary.Instances > 0 && summary.LaunchTemplates > 0 && summary.ExternalReferences > 0);
        Assert.True(summary.Families.Count >= 8);
        Assert.All(Regions, r => Assert.True(world.Simulator.ListImages(r).Count(i => i.Public == true) <= 5));
    }

    [Fact]
    public void Copies_CarryLineageTagsAndSourceFields()
    {
        var (world, _) = Generate(1_000);
        var copies = Regions.SelectMany(r => world.Simulator.ListImages(r)).Where(i => i.SourceImageId is not null).ToList();

        Assert.NotEmpty(copies);
        foreach (var copy in copies)
        {
            var tags = copy.Tags.ToDictionary(t => t.Key, t => t.Value);
            Assert.Equal(copy.SourceImageId, tags[TagNames.SourceImage]);
            Assert.Equal(copy.SourceImageRegion, tags[TagNames.SourceRegion]);
            Assert.Equal(TagNames.ManagedByValue, tags[TagNames.ManagedBy]);
            Assert.NotNull(world.Simulator.FindImage(copy.SourceImageRegion, copy.SourceImageId));
        }
    }

    [Fact]
    public void ManagedImages_UseTheDocumentedMarkers()
    {
        var (world, _) = Generate(2_000);
        var images = Regions.SelectMany(r => world.Simulator.ListImages(r)).ToList();

        Assert.Contains(images, i => i.Name.StartsWith("AwsBackup_", StringComparison.Ordinal) && i.Tags.Any(t => t.Key == "aws:backup:source-resource"));
        Assert.Contains(images, i => i.Tags?.Any(t => t.Key == "aws:dlm:lifecycle-policy-id") == true);
        Assert.Contains(images, i => i.Tags?.Any(t => t.Key == "CreatedBy" && t.Value == "EC2 Image Builder") == true && i.Tags.Any(t => t.Key == "Ec2ImageBuilderArn"));
        Assert.Contains(images, i => i.RootDeviceType == DeviceType.InstanceStore);
        Assert.Contains(images, i => i.Tags?.Any(t => t.Key == TagNames.Keep) == true);
    }

    [Fact]
    public async Task References_ArePresentForRecentImages()
    {
        var (world, _) = Generate(2_000);
        var client = world.Simulator.ClientFor(Regions[0]);

        var instances = (await client.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 1000 })).Reservations.SelectMany(r => r.Instances).ToList();
        var templates = (await client.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest { MaxResults = 200 })).LaunchTemplates;
        var referenced = instances.Select(i => i.ImageId).Distinct().Take(10).ToList();
        var references = await client.DescribeImageReferencesAsync(new DescribeImageReferencesRequest { ImageIds = referenced, IncludeAllResourceTypes = true });

        Assert.NotEmpty(instances);
        Assert.NotEmpty(templates);
        Assert.Contains(templates, t => t.DefaultVersionNumber < t.LatestVersionNumber);
        Assert.Equal(referenced.ToHashSet(), references.ImageReferences.Select(r => r.ImageId).ToHashSet());
    }

    [Fact]
    public async Task HundredThousandImages_InventoryWalksThemAll()
    {
        var (world, summary) = Generate(100_000, seed: 1);
        Assert.Equal(100_000, summary.Images);

        var seen = 0;
        foreach (var region in Regions)
        {
            var request = new DescribeImagesRequest { Owners = ["self"], IncludeDisabled = true, IncludeDeprecated = true, MaxResults = 1000 };
            await foreach (var _ in world.Simulator.ClientFor(region).Paginators.DescribeImages(request).Images)
            {
                seen++;
            }
        }

        Assert.Equal(100_000, seen);
        var bin = world.Simulator.RecycleBinRules(Regions[0]);
        Assert.Equal(2, bin.Count);
    }
}
