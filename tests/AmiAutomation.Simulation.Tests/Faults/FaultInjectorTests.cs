using System.Net;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Faults;

public sealed class FaultInjectorTests
{
    [Fact]
    public async Task FailNext_FailsExactlyNCalls_ThenWorks()
    {
        var world = new TestWorld();
        var id = world.Image();
        world.Simulator.Faults.FailNext("DescribeImages", 2, "InternalError", HttpStatusCode.InternalServerError);

        var first = await Errors.Expect("InternalError", () => world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [id] }));
        await Errors.Expect("InternalError", () => world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [id] }));
        var third = await world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [id] });

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Single(third.Images);
        Assert.Equal([(string?)"InternalError", "InternalError", null], world.Simulator.Calls.All.Select(c => c.ErrorCode));
    }

    [Fact]
    public async Task FailNext_InOneRegionOnly()
    {
        var world = new TestWorld();
        world.Simulator.Faults.FailNext("ec2:DescribeImages", 1, "RequestLimitExceeded", HttpStatusCode.ServiceUnavailable, region: TestWorld.West);

        await world.EastClient.DescribeImagesAsync(new DescribeImagesRequest());
        await Errors.Expect("RequestLimitExceeded", () => world.WestClient.DescribeImagesAsync(new DescribeImagesRequest()));
        await world.WestClient.DescribeImagesAsync(new DescribeImagesRequest());
    }

    [Fact]
    public async Task FailAlways_UntilCleared_FaultsComeBeforeTheOperation()
    {
        var world = new TestWorld();
        var id = world.Image();
        world.Simulator.Faults.FailAlways("DeregisterImage", "UnauthorizedOperation", HttpStatusCode.Forbidden);

        for (var i = 0; i < 3; i++)
        {
            await Errors.Expect("UnauthorizedOperation", () => world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id }));
        }

        Assert.NotNull(world.Simulator.FindImage(TestWorld.East, id));
        world.Simulator.Faults.Clear();
        await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id });
    }

    [Fact]
    public async Task NotImplemented_LikeMoto_500WithEmptyCode()
    {
        var world = new TestWorld();
        world.Simulator.Faults.NotImplemented("DescribeImageReferences");

        var error = await Errors.Of(() => world.EastClient.DescribeImageReferencesAsync(new DescribeImageReferencesRequest { ImageIds = ["ami-12345678"], IncludeAllResourceTypes = true }));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(string.Empty, error.ErrorCode);
        Assert.Equal(string.Empty, world.Simulator.Calls.All.Single().ErrorCode);
    }

    [Fact]
    public async Task Latency_IsARealDelay_PerAction()
    {
        var world = new TestWorld();
        world.Simulator.Faults.SetLatency(TimeSpan.FromMilliseconds(50), "DescribeImages");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await world.EastClient.DescribeImagesAsync(new DescribeImagesRequest());

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(45), $"elapsed {clock.Elapsed}");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => world.EastClient.DescribeImagesAsync(new DescribeImagesRequest(), cancelled.Token));
    }
}
