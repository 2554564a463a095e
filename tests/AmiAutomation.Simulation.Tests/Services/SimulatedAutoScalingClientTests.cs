using System.Net;
using AmiAutomation.Simulation.Services;
using Amazon.Runtime;

namespace AmiAutomation.Simulation.Tests.Services;

public sealed class SimulatedAutoScalingClientTests
{
    private const string Action = SimulatedAutoScalingClient.DescribeLaunchConfigurationsAction;

    [Fact]
    public async Task DescribeLaunchConfigurations_Paged_EveryConfigurationOnceInCreationOrder()
    {
        var world = new TestWorld();
        for (var i = 0; i < 5; i++)
        {
            world.Simulator.AddLaunchConfiguration(TestWorld.East, $"lc-{i}", $"ami-0000000{i}");
        }

        world.Simulator.AddLaunchConfiguration(TestWorld.West, "lc-west", "ami-00000009");
        var client = new SimulatedRegionalApiClients(world.Simulator).AutoScaling(TestWorld.East);

        var first = await client.DescribeLaunchConfigurationsAsync(null, 2, CancellationToken.None);
        var second = await client.DescribeLaunchConfigurationsAsync(first.NextToken, 2, CancellationToken.None);
        var third = await client.DescribeLaunchConfigurationsAsync(second.NextToken, 2, CancellationToken.None);

        Assert.Equal(["lc-0", "lc-1", "lc-2", "lc-3", "lc-4"], first.LaunchConfigurations.Concat(second.LaunchConfigurations).Concat(third.LaunchConfigurations).Select(c => c.Name));
        Assert.Equal("ami-00000003", second.LaunchConfigurations[1].ImageId);
        Assert.Null(third.NextToken);
        Assert.Equal(3, world.Simulator.Calls.CountOf(Action, TestWorld.East));
        Assert.DoesNotContain(world.Simulator.Calls.All, c => c.Action == "DescribeLaunchConfigurations");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task DescribeLaunchConfigurations_MaxRecordsOutOfRange_ValidationError(int maxRecords)
    {
        var world = new TestWorld();
        var client = new SimulatedAutoScalingClient(world.Simulator, TestWorld.East);

        var ex = await Assert.ThrowsAsync<AmazonServiceException>(() => client.DescribeLaunchConfigurationsAsync(null, maxRecords, CancellationToken.None));

        Assert.Equal("ValidationError", ex.ErrorCode);
        Assert.Equal("ValidationError", Assert.Single(world.Simulator.Calls.All).ErrorCode);
    }

    [Fact]
    public async Task DescribeLaunchConfigurations_FaultInjected_FailsAndIsRecorded()
    {
        var world = new TestWorld();
        world.Simulator.Faults.FailNext(Action, 1, "Throttling", HttpStatusCode.BadRequest);
        var client = new SimulatedAutoScalingClient(world.Simulator, TestWorld.East);

        var ex = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => client.DescribeLaunchConfigurationsAsync(null, 100, CancellationToken.None));
        var after = await client.DescribeLaunchConfigurationsAsync(null, 100, CancellationToken.None);

        Assert.Equal("Throttling", ex.ErrorCode);
        Assert.Empty(after.LaunchConfigurations);
        Assert.Equal(["Throttling", null], world.Simulator.Calls.All.Select(c => c.ErrorCode));
    }

    [Fact]
    public async Task DescribeLaunchConfigurations_DeniedByAccessPolicy_Unauthorized()
    {
        var world = new TestWorld();
        world.Simulator.Access.AllowOnly(["ec2:DescribeImages"]);
        var client = new SimulatedAutoScalingClient(world.Simulator, TestWorld.East);

        await Assert.ThrowsAnyAsync<AmazonServiceException>(() => client.DescribeLaunchConfigurationsAsync(null, 100, CancellationToken.None));

        world.Simulator.Access.AllowOnly([Action]);
        Assert.NotNull(await client.DescribeLaunchConfigurationsAsync(null, 100, CancellationToken.None));
    }
}
