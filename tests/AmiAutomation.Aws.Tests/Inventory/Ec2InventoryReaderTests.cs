using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.References;
using Amazon.EC2.Model;
using ImageReference = Amazon.EC2.Model.ImageReference;

namespace AmiAutomation.Aws.Tests.Inventory;

/// <summary>What a healthy region yields, and the calls it takes.</summary>
public sealed class Ec2InventoryReaderTests : InventoryReaderTestBase
{
    [Fact]
    public async Task ReadAsync_HealthyRegion_IsCompleteWithEveryReference()
    {
        Ec2.AddImage(Ami(1), i => i.LastLaunchedTime = "2025-01-01T00:00:00Z");
        Ec2.AddImage(Ami(2));
        Ec2.AddImage(Ami(3));
        Ec2.AddInstance("i-1", Ami(1));
        Ec2.AddInstance("i-2", Ami(2), "stopped");
        Ec2.AddTemplate("lt-1", Ami(3), null, "ami-foreign");
        Ec2.References.Add(new ImageReference { ImageId = Ami(3), ResourceType = "ssm:Parameter", Arn = "arn:aws:ssm:us-east-1:1:parameter/golden" });

        var snapshot = await ReadAsync();

        Assert.True(snapshot.IsComplete);
        Assert.Empty(snapshot.FailedSources);
        Assert.Equal(Region, snapshot.Region);
        Assert.Equal("123456789012", snapshot.AccountId);
        Assert.Equal(3, snapshot.Images.Count);
        Assert.Equal(["i-1"], snapshot.References.For(Ami(1)).Select(r => r.ResourceId));
        Assert.Equal(ReferenceKind.Instance, snapshot.References.For(Ami(2)).Single().Kind);
        Assert.Equal(
            [(ReferenceKind.LaunchTemplateVersion, "lt-1:1"), (ReferenceKind.ImageReferencesApi, "arn:aws:ssm:us-east-1:1:parameter/golden")],
            snapshot.References.For(Ami(3)).Select(r => (r.Kind, r.ResourceId)));
        Assert.True(snapshot.References.IsReferenced("ami-foreign"));
        Assert.Equal(1, Source(snapshot, InventorySource.LastLaunchedTime).Items);
        Assert.Equal(0, Source(snapshot, InventorySource.LastLaunchedTime).Calls);
        Assert.Equal(
            [
                InventorySource.Images, InventorySource.Instances, InventorySource.LaunchTemplates, InventorySource.ImageReferences, InventorySource.LastLaunchedTime,
                InventorySource.LaunchConfigurations, InventorySource.SpotRequests, InventorySource.SpotFleets,
            ],
            snapshot.Sources.Select(s => s.Source));
    }

    [Fact]
    public async Task ReadAsync_DescribeImages_SendsOwnerSelfDeprecatedDisabledAndPageSize()
    {
        Ec2.AddImage(Ami(1));

        await ReadAsync();

        var request = Assert.Single(Ec2.RequestsOf<DescribeImagesRequest>());
        Assert.Equal(["self"], request.Owners);
        Assert.True(request.IncludeDeprecated);
        Assert.True(request.IncludeDisabled);
        Assert.Equal(1000, request.MaxResults);
        Assert.Null(request.ImageIds);
    }

    [Fact]
    public async Task ReadAsync_ManyPages_ReadsEveryImage()
    {
        for (var i = 0; i < 23; i++)
        {
            Ec2.AddImage(Ami(i));
        }

        var snapshot = await ReadAsync(new InventoryOptions { ImagePageSize = 5 });

        Assert.True(snapshot.IsComplete);
        Assert.Equal(23, snapshot.Images.Count);
        Assert.Equal(5, Source(snapshot, InventorySource.Images).Calls);
        Assert.Equal([null, "p5", "p10", "p15", "p20"], Ec2.RequestsOf<DescribeImagesRequest>().Select(r => r.NextToken));
    }

    [Fact]
    public async Task ReadAsync_NoImages_NeverSendsAnEmptyImageIdList()
    {
        var snapshot = await ReadAsync();

        Assert.True(snapshot.IsComplete);
        Assert.Empty(snapshot.Images);
        Assert.Equal(string.Empty, snapshot.AccountId);
        Assert.Equal(0, Ec2.Calls("DescribeImageReferences"));
    }

    [Fact]
    public async Task ReadAsync_AccountIdOption_WinsOverImageOwner()
    {
        Ec2.AddImage(Ami(1));

        var snapshot = await ReadAsync(new InventoryOptions { AccountId = "999988887777" });

        Assert.Equal("999988887777", snapshot.AccountId);
    }

    [Fact]
    public async Task ReadAsync_25Images_ReferencesInBatchesOfAtMostTenWithAllResourceTypes()
    {
        for (var i = 0; i < 25; i++)
        {
            Ec2.AddImage(Ami(i));
        }

        await ReadAsync();

        var requests = Ec2.RequestsOf<DescribeImageReferencesRequest>().ToList();
        Assert.Equal([10, 10, 5], requests.Select(r => r.ImageIds.Count));
        Assert.All(requests, r => Assert.True(r.IncludeAllResourceTypes));
        Assert.Equal(25, requests.SelectMany(r => r.ImageIds).Distinct().Count());
    }

    [Fact]
    public async Task ReadAsync_ReferencePages_AreFollowed()
    {
        Ec2.AddImage(Ami(1));
        for (var i = 0; i < 60; i++)
        {
            Ec2.References.Add(new ImageReference { ImageId = Ami(1), ResourceType = "ec2:Instance", Arn = $"arn:aws:ec2:us-east-1:1:instance/i-{i}" });
        }

        var snapshot = await ReadAsync();

        Assert.Equal(60, snapshot.References.For(Ami(1)).Count);
        Assert.Equal(3, Ec2.Calls("DescribeImageReferences"));
    }

    [Fact]
    public async Task ReadAsync_Instances_AllStatesButTerminated()
    {
        Ec2.AddInstance("i-run", Ami(1));
        Ec2.AddInstance("i-stop", Ami(2), "stopped");
        Ec2.AddInstance("i-pend", Ami(3), "pending");
        Ec2.AddInstance("i-gone", Ami(4), "terminated");

        var snapshot = await ReadAsync();

        var request = Assert.Single(Ec2.RequestsOf<DescribeInstancesRequest>());
        Assert.Equal(["pending", "running", "shutting-down", "stopping", "stopped"], request.Filters.Single(f => f.Name == "instance-state-name").Values);
        Assert.Equal(1000, request.MaxResults);
        Assert.True(request.IncludeManagedResources);
        Assert.Equal(["i-pend", "i-run", "i-stop"], snapshot.References.ReferencedImageIds.SelectMany(snapshot.References.For).Select(r => r.ResourceId).Order());
    }

    [Fact]
    public async Task ReadAsync_LaunchTemplates_EveryVersionOfEveryTemplateAcrossPages()
    {
        for (var t = 0; t < 7; t++)
        {
            Ec2.AddTemplate($"lt-{t}", [.. Enumerable.Range(0, 5).Select(v => Ami((t * 10) + v))]);
        }

        var snapshot = await ReadAsync(new InventoryOptions { LaunchTemplatePageSize = 3, LaunchTemplateVersionPageSize = 2 });

        Assert.True(snapshot.IsComplete);
        Assert.Equal(35, snapshot.References.Count);
        Assert.Equal(["lt-6:1", "lt-6:5"], new[] { Ami(60), Ami(64) }.Select(id => snapshot.References.For(id).Single().ResourceId));
        Assert.Equal(3, Ec2.Calls("DescribeLaunchTemplates"));
        Assert.Equal(7 * 3, Ec2.Calls("DescribeLaunchTemplateVersions"));
        Assert.All(Ec2.RequestsOf<DescribeLaunchTemplateVersionsRequest>(), r =>
        {
            Assert.True(r.ResolveAlias);
            Assert.Equal(2, r.MaxResults);
            Assert.StartsWith("lt-", r.LaunchTemplateId, StringComparison.Ordinal);
            Assert.Null(r.Versions);
        });
        Assert.Equal(35, Source(snapshot, InventorySource.LaunchTemplates).Items);
    }

    [Fact]
    public async Task ReadAsync_TemplateDeletedBetweenListAndRead_IsTolerated()
    {
        Ec2.AddTemplate("lt-1", Ami(1));
        Ec2.AddTemplate("lt-2", Ami(2));
        Ec2.OnCall = action =>
        {
            if (action == "DescribeLaunchTemplateVersions")
            {
                Ec2.Templates.Remove("lt-1");
            }
        };

        var snapshot = await ReadAsync();

        Assert.True(snapshot.IsComplete);
        Assert.False(snapshot.References.IsReferenced(Ami(1)));
        Assert.True(snapshot.References.IsReferenced(Ami(2)));
    }

    [Theory]
    [InlineData(1, 1, 1, 1, 1)]
    [InlineData(999, 1, 100, 3, 7)]
    [InlineData(2345, 3, 235, 0, 0)]
    [InlineData(10_000, 10, 1000, 250, 210)]
    public async Task ReadAsync_NImages_CallsAreImagePagesPlusReferenceBatchesPlusListings(int images, int imagePages, int batches, int instancesCount, int templates)
    {
        for (var i = 0; i < images; i++)
        {
            Ec2.AddImage(Ami(i));
        }

        for (var i = 0; i < instancesCount; i++)
        {
            Ec2.AddInstance($"i-{i}", Ami(i));
        }

        for (var t = 0; t < templates; t++)
        {
            Ec2.AddTemplate($"lt-{t}", Ami(t));
        }

        var snapshot = await ReadAsync();

        var templatePages = Math.Max(1, (int)Math.Ceiling(templates / 200.0));
        Assert.True(snapshot.IsComplete);
        Assert.Equal(imagePages, Ec2.Calls("DescribeImages"));
        Assert.Equal(batches, Ec2.Calls("DescribeImageReferences"));
        Assert.Equal(1, Ec2.Calls("DescribeInstances"));
        Assert.Equal(templatePages, Ec2.Calls("DescribeLaunchTemplates"));
        Assert.Equal(templates, Ec2.Calls("DescribeLaunchTemplateVersions"));
        Assert.Equal(1, Ec2.Calls("DescribeSpotInstanceRequests"));
        Assert.Equal(1, Ec2.Calls("DescribeSpotFleetRequests"));
        Assert.Equal(1, Apis.AutoScalingClient.Calls);
        Assert.Equal(imagePages + batches + 1 + templatePages + templates + 2, Ec2.TotalCalls);
        Assert.Equal(0, Ec2.Calls("DescribeImageAttribute"));
        Assert.Equal(Ec2.TotalCalls + Apis.AutoScalingClient.Calls, snapshot.Sources.Sum(s => s.Calls));
    }
}
