using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests;

public sealed class SimulatedEc2ClientTests
{
    [Fact]
    public async Task UnsupportedCall_FailsFastWith500AndEmptyCode_NoNetwork()
    {
        var world = new TestWorld();
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = await Errors.Of(() => world.EastClient.DescribeVpcsAsync(new DescribeVpcsRequest()));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(string.Empty, error.ErrorCode);
        Assert.Contains("DescribeVpcs", error.Message, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(1), $"took {started.Elapsed} (retried?)");
    }

    [Fact]
    public async Task Paginator_UsesOverriddenCalls_AndWalksEveryPage()
    {
        var world = new TestWorld();
        var ids = Enumerable.Range(0, 23).Select(i => world.Image(b => b.Named($"img-{i:00}"))).ToList();

        var seen = new List<string>();
        await foreach (var image in world.EastClient.Paginators.DescribeImages(new DescribeImagesRequest { Owners = ["self"], MaxResults = 5 }).Images)
        {
            seen.Add(image.ImageId);
        }

        Assert.Equal(ids, seen);
        Assert.Equal(5, world.Simulator.Calls.CountOf("DescribeImages"));
    }

    [Fact]
    public void ClientFor_SameRegion_ReturnsSameInstanceBoundToThatRegion()
    {
        var world = new TestWorld();

        var client = world.Simulator.ClientFor("eu-west-1");

        Assert.Same(client, world.Simulator.ClientFor("eu-west-1"));
        Assert.Equal("eu-west-1", client.Region);
        Assert.Equal("eu-west-1", client.Config.RegionEndpoint.SystemName);
        Assert.Same(client, world.Simulator.ClientFactory.ForRegion("eu-west-1"));
        Assert.Throws<ArgumentException>(() => world.Simulator.ClientFor("not a region"));
    }

    [Fact]
    public async Task DisposedByACaller_StaysUsable()
    {
        var world = new TestWorld();
        var id = world.Image();

        using (var client = world.Simulator.ClientFactory.ForRegion(TestWorld.East))
        {
            await client.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [id] });
        }

        Assert.Single((await world.Simulator.ClientFactory.ForRegion(TestWorld.East).DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [id] })).Images);
    }

    [Fact]
    public async Task Calls_AreRecordedWithRegionAndOutcome()
    {
        var world = new TestWorld();
        var id = world.Image();

        await world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [id] });
        await Errors.Of(() => world.WestClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = "ami-12345678" }));

        var calls = world.Simulator.Calls.All;
        Assert.Equal(2, calls.Count);
        Assert.Equal(("DescribeImages", TestWorld.East, (string?)null), (calls[0].Action, calls[0].Region, calls[0].ErrorCode));
        Assert.Equal(("DeregisterImage", TestWorld.West, "InvalidAMIID.NotFound"), (calls[1].Action, calls[1].Region, calls[1].ErrorCode));
        Assert.Equal(["DescribeImages", "DeregisterImage"], world.Simulator.Calls.Actions);
    }

    [Fact]
    public async Task Responses_AreCopies_MutatingThemDoesNotChangeTheWorld()
    {
        var world = new TestWorld();
        var id = world.Image(b => b.Named("original").Tagged("k", "v"));

        var image = (await world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [id] })).Images[0];
        image.Name = "changed";
        image.Tags.Clear();

        var again = world.Simulator.FindImage(TestWorld.East, id)!;
        Assert.Equal("original", again.Name);
        Assert.Single(again.Tags);
    }

    [Fact]
    public async Task Image_HasTheFieldsTheProductReads()
    {
        var world = new TestWorld();
        var created = TestWorld.Start.AddDays(-10).AddMilliseconds(123);
        var id = world.Image(b => b.Named("web-2025.05.22").WithDescription("d").CreatedAt(created).WithSnapshot(30, encrypted: true, kmsKeyId: "key-1").LastLaunchedAt(created.AddDays(1)));

        var image = (await world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [id] })).Images[0];

        Assert.Equal("2025-05-22T12:00:00.123Z", image.CreationDate);
        Assert.Equal("2025-05-23T12:00:00.123Z", image.LastLaunchedTime);
        Assert.Equal(ImageState.Available, image.State);
        Assert.Equal("123456789012", image.OwnerId);
        Assert.Equal(DeviceType.Ebs, image.RootDeviceType);
        Assert.Equal("disabled", image.DeregistrationProtection);
        Assert.False(image.Public);
        Assert.Null(image.Tags);
        Assert.Null(image.DeprecationTime);
        var ebs = Assert.Single(image.BlockDeviceMappings).Ebs;
        Assert.Equal(30, ebs.VolumeSize);
        Assert.True(ebs.Encrypted);
        Assert.Equal("key-1", ebs.KmsKeyId);
        var snapshot = world.Simulator.FindSnapshot(TestWorld.East, ebs.SnapshotId)!;
        Assert.StartsWith("Created by CreateImage(i-", snapshot.Description, StringComparison.Ordinal);
        Assert.EndsWith($" for {id}", snapshot.Description, StringComparison.Ordinal);
    }
}
