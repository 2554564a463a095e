using AmiAutomation.Aws.Inventory;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.References;
using Amazon.EC2.Model;

namespace AmiAutomation.Aws.Tests.Inventory;

/// <summary>Which consumers pin their image in which state, what they are named when the id is missing, and how
/// consumers that name no image id are reported.</summary>
public sealed class Ec2InventoryReaderConsumerStateTests : InventoryReaderTestBase
{
    [Fact]
    public async Task ReadAsync_InstancesInEveryState_LiveOnesPinCountedAllAndManagedResourcesAskedOnlyWhenEnabled()
    {
        Ec2.AddImage(Ami(1));
        string[] live = ["pending", "running", "shutting-down", "stopping", "stopped"];
        for (var i = 0; i < live.Length; i++)
        {
            Ec2.AddInstance($"i-{live[i]}", Ami(10 + i), live[i]);
        }

        Ec2.AddInstance("i-terminated", Ami(15), "terminated");
        Ec2.Instances.Add(new Instance { InstanceId = null, ImageId = Ami(16), State = new InstanceState { Name = "running" } });
        Ec2.Instances.Add(new Instance { InstanceId = "i-no-image", ImageId = null, State = new InstanceState { Name = "running" } });

        var snapshot = await ReadAsync(new InventoryOptions { IncludeManagedResources = false });

        var source = Source(snapshot, InventorySource.Instances);
        Assert.Equal((SourceStatus.Complete, 7), (source.Status, source.Items));
        Assert.All(Enumerable.Range(0, live.Length), i => Assert.Equal($"i-{live[i]}", Assert.Single(snapshot.References.For(Ami(10 + i))).ResourceId));
        Assert.Empty(snapshot.References.For(Ami(15)));
        Assert.Equal("(unknown instance)", Assert.Single(snapshot.References.For(Ami(16))).ResourceId);
        var request = Assert.Single(Ec2.RequestsOf<DescribeInstancesRequest>());
        Assert.Null(request.IncludeManagedResources);
        Assert.Equal(live, request.Filters.Single(f => f.Name == "instance-state-name").Values);

        await ReadAsync();

        Assert.True(Ec2.RequestsOf<DescribeInstancesRequest>().Last().IncludeManagedResources);
    }

    [Fact]
    public async Task ReadAsync_SpotFinalStatesWithFilterIgnored_DoNotPinAndMissingIdsNamedUnknown()
    {
        Ec2.AddImage(Ami(1));
        Ec2.IgnoreSpotFilters = true;
        Ec2.AddSpotRequest("sir-cancelled", Ami(40), "cancelled");
        Ec2.AddSpotRequest("sir-failed", Ami(41), "failed");
        Ec2.AddSpotRequest("sir-closed", Ami(42), "closed");
        Ec2.AddSpotRequest("ignored", Ami(43), "open").SpotInstanceRequestId = null;
        Ec2.AddSpotRequest("sir-closed-no-image", Ami(44), "closed").LaunchSpecification.ImageId = null;
        Ec2.AddSpotFleet("sfr-cancelled-terminating", "cancelled_terminating", Ami(50));
        Ec2.AddSpotFleet("ignored", "active", Ami(51)).SpotFleetRequestId = null;

        var snapshot = await ReadAsync();

        var requests = Source(snapshot, InventorySource.SpotRequests);
        Assert.Equal((SourceStatus.Complete, 1), (requests.Status, requests.Items));
        Assert.Equal(SourceStatus.Complete, Source(snapshot, InventorySource.SpotFleets).Status);
        Assert.All([Ami(40), Ami(41), Ami(42), Ami(44), Ami(50)], id => Assert.Empty(snapshot.References.For(id)));
        Assert.Equal("(unknown Spot request)", Assert.Single(snapshot.References.For(Ami(43))).ResourceId);
        Assert.Equal("(unknown Spot Fleet request)", Assert.Single(snapshot.References.For(Ami(51))).ResourceId);
    }

    [Fact]
    public async Task ReadAsync_SixConsumersNameNoImageId_TruncatedCountingAllListingFiveAndEllipsis()
    {
        Ec2.AddImage(Ami(1));
        for (var i = 0; i < 6; i++)
        {
            Ec2.AddSpotFleet($"sfr-{i}", "active", $"resolve:ssm:/golden/a{i}");
        }

        var snapshot = await ReadAsync();

        var source = Source(snapshot, InventorySource.SpotFleets);
        Assert.Equal(SourceStatus.Truncated, source.Status);
        Assert.StartsWith("6 SpotFleet consumer(s) name an image that is not an image id", source.Error, StringComparison.Ordinal);
        Assert.Contains("sfr-0 → resolve:ssm:/golden/a0, sfr-1 → resolve:ssm:/golden/a1", source.Error, StringComparison.Ordinal);
        Assert.EndsWith("sfr-4 → resolve:ssm:/golden/a4, …", source.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("sfr-5", source.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FiveConsumersNameNoImageId_AllListedWithoutEllipsis()
    {
        Ec2.AddImage(Ami(1));
        for (var i = 0; i < 5; i++)
        {
            Ec2.AddSpotRequest($"sir-{i}", $"resolve:ssm:/golden/a{i}");
        }

        var snapshot = await ReadAsync();

        var source = Source(snapshot, InventorySource.SpotRequests);
        Assert.Equal(SourceStatus.Truncated, source.Status);
        Assert.StartsWith("5 SpotRequest consumer(s)", source.Error, StringComparison.Ordinal);
        Assert.EndsWith("sir-3 → resolve:ssm:/golden/a3, sir-4 → resolve:ssm:/golden/a4", source.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("open", null)]
    [InlineData("active", "")]
    [InlineData("disabled", null)]
    [InlineData("unknown-new-state", "")]
    public async Task ReadAsync_LiveSpotRequestWithoutImageId_TruncatedNamingItWhileOthersStillPin(string state, string? imageId)
    {
        Ec2.AddImage(Ami(1));
        Ec2.IgnoreSpotFilters = true; // an unknown state is not in the filter; an endpoint ignoring it still sends it
        Ec2.AddSpotRequest("sir-pins", Ami(60), "active");
        Ec2.AddSpotRequest("sir-blank", Ami(61), state).LaunchSpecification.ImageId = imageId;

        var snapshot = await ReadAsync();

        var source = Source(snapshot, InventorySource.SpotRequests);
        Assert.Equal((SourceStatus.Truncated, 2), (source.Status, source.Items));
        Assert.Equal("1 SpotRequest consumer(s) name no image id, so the images they launch are unknown: sir-blank", source.Error);
        Assert.False(snapshot.IsComplete);
        Assert.Equal("sir-pins", Assert.Single(snapshot.References.For(Ami(60))).ResourceId);
    }

    [Fact]
    public async Task ReadAsync_SpotRequestWithoutLaunchSpecification_Truncated()
    {
        Ec2.AddImage(Ami(1));
        Ec2.AddSpotRequest("sir-bare", Ami(62)).LaunchSpecification = null;

        var snapshot = await ReadAsync();

        var source = Source(snapshot, InventorySource.SpotRequests);
        Assert.Equal(SourceStatus.Truncated, source.Status);
        Assert.EndsWith("sir-bare", source.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SpotFleetSpecificationWithoutImageId_TruncatedNamingFleetWhileItsOtherSpecificationPins()
    {
        Ec2.AddImage(Ami(1));
        Ec2.AddSpotFleet("sfr-half", "active", Ami(63), "ami-placeholder").ConfigData.LaunchSpecifications[1].ImageId = null;

        var snapshot = await ReadAsync();

        var source = Source(snapshot, InventorySource.SpotFleets);
        Assert.Equal(SourceStatus.Truncated, source.Status);
        Assert.Equal("1 SpotFleet consumer(s) name no image id, so the images they launch are unknown: sfr-half", source.Error);
        Assert.Equal("sfr-half", Assert.Single(snapshot.References.For(Ami(63))).ResourceId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadAsync_LiveSpotFleetNamingNeitherSpecificationNorTemplate_Truncated(bool withoutConfigData)
    {
        Ec2.AddImage(Ami(1));
        var fleet = Ec2.AddSpotFleet("sfr-empty", "submitted");
        if (withoutConfigData)
        {
            fleet.ConfigData = null;
        }

        Ec2.AddSpotFleet("sfr-empty-cancelled", "cancelled").ConfigData = null;

        var snapshot = await ReadAsync();

        var source = Source(snapshot, InventorySource.SpotFleets);
        Assert.Equal(SourceStatus.Truncated, source.Status);
        Assert.Equal("1 SpotFleet consumer(s) name no image id, so the images they launch are unknown: sfr-empty", source.Error);
    }

    [Fact]
    public async Task ReadAsync_ConsumersMissingAndUnresolved_BothReportedTruncated()
    {
        Ec2.AddImage(Ami(1));
        for (var i = 0; i < 6; i++)
        {
            Ec2.AddSpotRequest($"sir-none-{i}", string.Empty);
        }

        Ec2.AddSpotRequest("sir-alias", "resolve:ssm:/golden");

        var snapshot = await ReadAsync();

        var source = Source(snapshot, InventorySource.SpotRequests);
        Assert.Equal(SourceStatus.Truncated, source.Status);
        Assert.Equal(
            "6 SpotRequest consumer(s) name no image id, so the images they launch are unknown: sir-none-0, sir-none-1, sir-none-2, sir-none-3, sir-none-4, …"
                + " | 1 SpotRequest consumer(s) name an image that is not an image id, so the images they launch are unknown: sir-alias → resolve:ssm:/golden",
            source.Error);
    }

    [Fact]
    public async Task ReadAsync_LaunchConfigurationWithoutImageId_Truncated()
    {
        Ec2.AddImage(Ami(1));
        Apis.AutoScalingClient.LaunchConfigurations.Add(new AmiAutomation.Aws.AutoScaling.LaunchConfigurationInfo("lc-blank", null));

        var snapshot = await ReadAsync();

        var source = Source(snapshot, InventorySource.LaunchConfigurations);
        Assert.Equal(SourceStatus.Truncated, source.Status);
        Assert.EndsWith("name no image id, so the images they launch are unknown: lc-blank", source.Error, StringComparison.Ordinal);
    }
}
