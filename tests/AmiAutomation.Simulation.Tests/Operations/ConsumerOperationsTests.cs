using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Operations;

/// <summary>DescribeSpotInstanceRequests, DescribeSpotFleetRequests and DescribeFleets over seeded consumers.</summary>
public sealed class ConsumerOperationsTests
{
    [Fact]
    public async Task DescribeSpotInstanceRequests_StateAndImageFilters_SelectAndPage()
    {
        var world = new TestWorld();
        var states = new[] { "open", "active", "closed", "cancelled", "failed", "disabled" };
        var ids = states.Select(s => world.Simulator.AddSpotRequest(TestWorld.East, "ami-00000001", s)).ToList();
        var other = world.Simulator.AddSpotRequest(TestWorld.East, "ami-00000002", "open");

        var launchable = await ReadAllAsync(world, [new Filter("state", ["open", "active", "disabled"])], 5);
        var forImage = await ReadAllAsync(world, [new Filter("state", ["open"]), new Filter("launch.image-id", ["ami-00000002"])], 5);

        Assert.Equal(new[] { ids[0], ids[1], ids[5], other }, launchable.Select(r => r.SpotInstanceRequestId));
        Assert.Equal(other, Assert.Single(forImage).SpotInstanceRequestId);
        Assert.Equal("ami-00000002", forImage[0].LaunchSpecification.ImageId);
        Assert.Equal(SpotInstanceState.Open, forImage[0].State);
    }

    [Fact]
    public async Task DescribeSpotInstanceRequests_MaxResultsBelowFive_InvalidParameterValue()
    {
        var world = new TestWorld();

        var ex = await Assert.ThrowsAsync<AmazonEC2Exception>(() => world.EastClient.DescribeSpotInstanceRequestsAsync(new DescribeSpotInstanceRequestsRequest { MaxResults = 4 }));

        Assert.Equal("InvalidParameterValue", ex.ErrorCode);
    }

    [Fact]
    public async Task DescribeSpotFleetRequests_EveryStateWithSpecificationsAndTemplateConfigs()
    {
        var world = new TestWorld();
        var active = world.Simulator.AddSpotFleet(TestWorld.East, ["ami-00000001", "ami-00000002"], "active");
        var cancelled = world.Simulator.AddSpotFleet(TestWorld.East, ["ami-00000003"], "cancelled_running", [("lt-00000001", "3")]);

        var first = await world.EastClient.DescribeSpotFleetRequestsAsync(new DescribeSpotFleetRequestsRequest { MaxResults = 1 });
        var second = await world.EastClient.DescribeSpotFleetRequestsAsync(new DescribeSpotFleetRequestsRequest { MaxResults = 1, NextToken = first.NextToken });

        var a = Assert.Single(first.SpotFleetRequestConfigs);
        Assert.Equal(active, a.SpotFleetRequestId);
        Assert.Equal(BatchState.Active, a.SpotFleetRequestState);
        Assert.Equal(["ami-00000001", "ami-00000002"], a.ConfigData.LaunchSpecifications.Select(s => s.ImageId));
        var c = Assert.Single(second.SpotFleetRequestConfigs);
        Assert.Equal(cancelled, c.SpotFleetRequestId);
        Assert.Equal(BatchState.Cancelled_running, c.SpotFleetRequestState);
        Assert.Equal("lt-00000001", Assert.Single(c.ConfigData.LaunchTemplateConfigs).LaunchTemplateSpecification.LaunchTemplateId);
        Assert.Null(second.NextToken);
    }

    [Fact]
    public async Task DescribeFleets_InstantOverridesCarryImageIds()
    {
        var world = new TestWorld();
        var template = world.Simulator.AddLaunchTemplate(TestWorld.East, "batch", "ami-00000001");
        var fleet = world.Simulator.AddFleet(TestWorld.East, "instant", template, ["ami-00000002"]);
        world.Simulator.AddFleet(TestWorld.East, "maintain", template, state: "deleted");

        var response = await world.EastClient.DescribeFleetsAsync(new DescribeFleetsRequest { Filters = [new Filter("type", ["instant"])] });

        var data = Assert.Single(response.Fleets);
        Assert.Equal(fleet, data.FleetId);
        Assert.Equal(FleetType.Instant, data.Type);
        Assert.Equal("ami-00000002", Assert.Single(Assert.Single(data.LaunchTemplateConfigs).Overrides).ImageId);
    }

    [Fact]
    public void ImagesInUse_OnlyConsumersThatCanLaunch()
    {
        var world = new TestWorld();
        var sim = world.Simulator;
        sim.AddLaunchConfiguration(TestWorld.East, "lc", "ami-00000001");
        sim.AddSpotRequest(TestWorld.East, "ami-00000002", "disabled");
        sim.AddSpotRequest(TestWorld.East, "ami-00000003", "closed");
        sim.AddSpotFleet(TestWorld.East, ["ami-00000004"], "modifying");
        sim.AddSpotFleet(TestWorld.East, ["ami-00000005"], "cancelled");
        var template = sim.AddLaunchTemplate(TestWorld.East, "t", "ami-00000006");
        sim.AddFleet(TestWorld.East, "instant", template, ["ami-00000007"]);

        var inUse = sim.ImagesInUse(TestWorld.East).Select(u => u.ImageId).Order(StringComparer.Ordinal);

        Assert.Equal(["ami-00000001", "ami-00000002", "ami-00000004", "ami-00000006"], inUse);
    }

    private static async Task<List<SpotInstanceRequest>> ReadAllAsync(TestWorld world, List<Filter> filters, int pageSize)
    {
        var all = new List<SpotInstanceRequest>();
        string? token = null;
        do
        {
            var page = await world.EastClient.DescribeSpotInstanceRequestsAsync(new DescribeSpotInstanceRequestsRequest { Filters = filters, MaxResults = pageSize, NextToken = token });
            all.AddRange(page.SpotInstanceRequests ?? []);
            token = page.NextToken;
        }
        while (token is not null);

        return all;
    }
}
