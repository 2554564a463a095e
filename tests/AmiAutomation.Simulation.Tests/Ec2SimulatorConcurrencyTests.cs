using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests;

public sealed class Ec2SimulatorConcurrencyTests
{
    [Fact]
    public async Task ParallelCallsFromManyTasks_SeeOneConsistentWorld()
    {
        var world = new TestWorld();
        var ids = Enumerable.Range(0, 200).Select(i => world.Image(b => b.Named($"img-{i}"))).ToList();

        await Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            await world.EastClient.CreateTagsAsync(new CreateTagsRequest { Resources = [id], Tags = [new Tag("swept", "yes")] });
            await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id, DeleteAssociatedSnapshots = true });
        })));

        Assert.Equal(0, world.Simulator.ImageCount(TestWorld.East));
        Assert.Equal(0, world.Simulator.SnapshotCount(TestWorld.East));
        Assert.Equal(200, world.Simulator.Calls.CountOf("DeregisterImage"));
        Assert.All(world.Simulator.Calls.All, c => Assert.Null(c.ErrorCode));
    }
}
