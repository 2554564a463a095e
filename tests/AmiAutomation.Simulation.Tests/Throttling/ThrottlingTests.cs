using AmiAutomation.Simulation.Throttling;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Throttling;

public sealed class ThrottlingTests
{
    [Theory]
    [InlineData(ThrottleBucket.Describe, 100, 20)]
    [InlineData(ThrottleBucket.UnfilteredDescribe, 50, 10)]
    [InlineData(ThrottleBucket.Mutating, 50, 5)]
    [InlineData(ThrottleBucket.CopyImage, 100, 1)]
    [InlineData(ThrottleBucket.Tagging, 100, 10)]
    [InlineData(ThrottleBucket.Destructive, 100, 5)]
    public void Limits_MatchEc2(ThrottleBucket bucket, int capacity, double refill)
    {
        Assert.Equal((capacity, refill), BucketLimits.For(bucket));
    }

    [Fact]
    public async Task Off_ByDefault()
    {
        var world = new TestWorld();

        for (var i = 0; i < 300; i++)
        {
            await world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] });
        }

        Assert.Equal(300, world.Simulator.Calls.CountOf("DescribeImages"));
    }

    [Fact]
    public async Task DescribeImages_BucketOf100_RefillsAt20PerSecondOnTheSimulatorClock()
    {
        var world = new TestWorld(new SimulatorOptions { ThrottlingEnabled = true });
        var request = new DescribeImagesRequest { Owners = ["self"] };

        for (var i = 0; i < 100; i++)
        {
            await world.EastClient.DescribeImagesAsync(request);
        }

        var error = await Errors.Expect("RequestLimitExceeded", () => world.EastClient.DescribeImagesAsync(request));
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
        await world.WestClient.DescribeImagesAsync(request);
        await world.EastClient.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = world.Image(), Attribute = "description" });

        world.Time.Advance(TimeSpan.FromMilliseconds(100));
        await world.EastClient.DescribeImagesAsync(request);
        await world.EastClient.DescribeImagesAsync(request);
        await Errors.Expect("RequestLimitExceeded", () => world.EastClient.DescribeImagesAsync(request));
    }

    [Fact]
    public async Task CopyImage_RefillsAtOnePerSecond()
    {
        var world = new TestWorld(new SimulatorOptions { ThrottlingEnabled = true, MaxConcurrentCopiesPerRegion = 1000 });
        var source = world.Image();

        for (var i = 0; i < 100; i++)
        {
            await world.WestClient.CopyImageAsync(new CopyImageRequest { SourceImageId = source, SourceRegion = TestWorld.East, Name = $"copy-{i}" });
        }

        await Errors.Expect("RequestLimitExceeded", () => world.WestClient.CopyImageAsync(new CopyImageRequest { SourceImageId = source, SourceRegion = TestWorld.East, Name = "copy-x" }));
        world.Time.Advance(TimeSpan.FromMilliseconds(999));
        await Errors.Expect("RequestLimitExceeded", () => world.WestClient.CopyImageAsync(new CopyImageRequest { SourceImageId = source, SourceRegion = TestWorld.East, Name = "copy-x" }));
        world.Time.Advance(TimeSpan.FromMilliseconds(1));
        await world.WestClient.CopyImageAsync(new CopyImageRequest { SourceImageId = source, SourceRegion = TestWorld.East, Name = "copy-x" });
    }

    [Fact]
    public async Task UnfilteredDescribeInstances_SmallerBucketThanPaginatedOnes()
    {
        var world = new TestWorld(new SimulatorOptions { ThrottlingEnabled = true });

        for (var i = 0; i < 50; i++)
        {
            await world.EastClient.DescribeInstancesAsync(new DescribeInstancesRequest());
        }

        await Errors.Expect("RequestLimitExceeded", () => world.EastClient.DescribeInstancesAsync(new DescribeInstancesRequest()));
        await world.EastClient.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 5 });
    }

    [Fact]
    public async Task Deregister_BucketOf100_RefillFivePerSecond()
    {
        var world = new TestWorld(new SimulatorOptions { ThrottlingEnabled = true });
        var ids = Enumerable.Range(0, 106).Select(_ => world.Image()).ToList();

        for (var i = 0; i < 100; i++)
        {
            await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = ids[i] });
        }

        await Errors.Expect("RequestLimitExceeded", () => world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = ids[100] }));
        Assert.NotNull(world.Simulator.FindImage(TestWorld.East, ids[100]));
        world.Time.Advance(TimeSpan.FromSeconds(1));
        for (var i = 100; i < 105; i++)
        {
            await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = ids[i] });
        }

        await Errors.Expect("RequestLimitExceeded", () => world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = ids[105] }));
    }
}
