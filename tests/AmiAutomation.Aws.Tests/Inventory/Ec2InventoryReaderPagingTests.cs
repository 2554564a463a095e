using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.AutoScaling;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.References;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Aws.Tests.Inventory;

/// <summary>Paging of every source: empty pages, later pages, page sizes sent, a full last page without a token.</summary>
public sealed class Ec2InventoryReaderPagingTests : InventoryReaderTestBase
{
    [Fact]
    public async Task ReadAsync_FirstPageOfEveryListingEmptyWithToken_ReferencesOnTheNextPageRead()
    {
        Ec2.AddImage(Ami(1));
        Ec2.AddImage(Ami(2));
        Ec2.AddInstance("i-1", Ami(1));
        Ec2.References.Add(new Amazon.EC2.Model.ImageReference { ImageId = Ami(2), Arn = "arn:aws:ssm:us-east-1:123456789012:parameter/golden" });
        Ec2.AddSpotRequest("sir-1", Ami(3));
        Ec2.AddSpotFleet("sfr-1", "active", Ami(4));
        Apis.AutoScalingClient.LaunchConfigurations.Add(new LaunchConfigurationInfo("lc-1", Ami(5)));
        Apis.AutoScalingClient.EmptyFirstPage = true;
        string[] actions = ["DescribeImages", "DescribeInstances", "DescribeImageReferences", "DescribeSpotInstanceRequests", "DescribeSpotFleetRequests"];
        Ec2.Faults.AddRange(actions.Select(a => new Fault(a, 0, FaultKind.EmptyPage)));

        var snapshot = await ReadAsync();

        Assert.True(snapshot.IsComplete, string.Join("; ", snapshot.FailedSources.Select(s => $"{s.Source}: {s.Error}")));
        Assert.Equal([Ami(1), Ami(2)], snapshot.Images.Select(i => i.ImageId).Order(StringComparer.Ordinal));
        Assert.Equal("i-1", Assert.Single(snapshot.References.For(Ami(1))).ResourceId);
        Assert.Equal(ReferenceKind.ImageReferencesApi, Assert.Single(snapshot.References.For(Ami(2))).Kind);
        Assert.Equal("sir-1", Assert.Single(snapshot.References.For(Ami(3))).ResourceId);
        Assert.Equal("sfr-1", Assert.Single(snapshot.References.For(Ami(4))).ResourceId);
        Assert.Equal("lc-1", Assert.Single(snapshot.References.For(Ami(5))).ResourceId);
        Assert.All(actions, a => Assert.Equal(2, Ec2.Calls(a)));
        Assert.Equal(2, Source(snapshot, InventorySource.LaunchConfigurations).Calls);
    }

    [Fact]
    public async Task ReadAsync_SpotListingsOverSeveralPages_LastPageReadWithThePageSizeAsked()
    {
        Ec2.AddImage(Ami(1));
        for (var i = 0; i < 7; i++)
        {
            Ec2.AddSpotRequest($"sir-{i}", Ami(10 + i));
            Ec2.AddSpotFleet($"sfr-{i}", "active", Ami(20 + i));
        }

        var snapshot = await ReadAsync(new InventoryOptions { SpotRequestPageSize = 5, SpotFleetPageSize = 3 });

        var requests = Source(snapshot, InventorySource.SpotRequests);
        var fleets = Source(snapshot, InventorySource.SpotFleets);
        Assert.Equal((SourceStatus.Complete, 7, 2), (requests.Status, requests.Items, requests.Calls));
        Assert.Equal((SourceStatus.Complete, 7, 3), (fleets.Status, fleets.Items, fleets.Calls));
        Assert.Equal("sir-6", Assert.Single(snapshot.References.For(Ami(16))).ResourceId);
        Assert.Equal("sfr-6", Assert.Single(snapshot.References.For(Ami(26))).ResourceId);
        Assert.All(Ec2.RequestsOf<DescribeSpotInstanceRequestsRequest>(), r => Assert.Equal(5, r.MaxResults));
        Assert.Equal([null, "p3", "p6"], Ec2.RequestsOf<DescribeSpotFleetRequestsRequest>().Select(r => r.NextToken));
        Assert.All(Ec2.RequestsOf<DescribeSpotFleetRequestsRequest>(), r => Assert.Equal(3, r.MaxResults));
    }

    [Fact]
    public async Task ReadAsync_SpotRequestsExactlyOneFullPageWithoutToken_TruncatedNamingActionAndPageSize()
    {
        Ec2.AddImage(Ami(1));
        for (var i = 0; i < 5; i++)
        {
            Ec2.AddSpotRequest($"sir-{i}", Ami(10 + i));
        }

        var snapshot = await ReadAsync(new InventoryOptions { SpotRequestPageSize = 5 });

        var source = Source(snapshot, InventorySource.SpotRequests);
        Assert.Equal(SourceStatus.Truncated, source.Status);
        Assert.Contains("DescribeSpotInstanceRequests returned a full page of 5 item(s) (page size 5) without a NextToken", source.Error, StringComparison.Ordinal);
        Assert.False(snapshot.IsComplete);
    }

    [Fact]
    public async Task ReadAsync_SpotFleetsExactlyOneFullPageWithoutToken_Truncated()
    {
        Ec2.AddImage(Ami(1));
        Ec2.AddSpotFleet("sfr-0", "active", Ami(20));
        Ec2.AddSpotFleet("sfr-1", "active", Ami(21));

        var snapshot = await ReadAsync(new InventoryOptions { SpotFleetPageSize = 2 });

        var source = Source(snapshot, InventorySource.SpotFleets);
        Assert.Equal(SourceStatus.Truncated, source.Status);
        Assert.Contains("DescribeSpotFleetRequests returned a full page of 2 item(s) (page size 2)", source.Error, StringComparison.Ordinal);
        Assert.False(snapshot.IsComplete);
    }

    [Fact]
    public async Task ReadAsync_ImageReferences_CountedSkippedWithoutImageAndNamedByArnTypeOrUnknown()
    {
        Ec2.AddImage(Ami(1));
        Ec2.AddImage(Ami(2));
        Ec2.References.Add(new Amazon.EC2.Model.ImageReference { ImageId = Ami(1), Arn = "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/r/1.0.0" });
        Ec2.References.Add(new Amazon.EC2.Model.ImageReference { ImageId = Ami(1), ResourceType = new ImageReferenceResourceType("ssm-parameter") });
        Ec2.References.Add(new Amazon.EC2.Model.ImageReference { ImageId = Ami(2) });
        Ec2.References.Add(new Amazon.EC2.Model.ImageReference { ImageId = null, Arn = "arn:aws:ec2:us-east-1:123456789012:instance/i-lost" });

        var snapshot = await ReadAsync();

        var source = Source(snapshot, InventorySource.ImageReferences);
        Assert.Equal((SourceStatus.Complete, 3), (source.Status, source.Items));
        Assert.Equal(
            ["arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/r/1.0.0", "ssm-parameter"],
            snapshot.References.For(Ami(1)).Select(r => r.ResourceId).Order(StringComparer.Ordinal));
        Assert.Equal("(unknown resource)", Assert.Single(snapshot.References.For(Ami(2))).ResourceId);
    }
}
