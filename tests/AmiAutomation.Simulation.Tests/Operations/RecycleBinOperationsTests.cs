using AmiAutomation.Core.Images;
using AmiAutomation.Simulation.Seeding;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Operations;

public sealed class RecycleBinOperationsTests
{
    private static readonly int TooFew = 4;

    private static TestWorld WithRules(int imageDays = 7, int snapshotDays = 7)
    {
        var world = new TestWorld();
        world.Simulator.AddRecycleBinRule(TestWorld.East, new RecycleBinRule(RecycleBinResourceType.Ec2Image, imageDays));
        world.Simulator.AddRecycleBinRule(TestWorld.East, new RecycleBinRule(RecycleBinResourceType.EbsSnapshot, snapshotDays));
        return world;
    }

    [Fact]
    public async Task Restore_SnapshotsFirstThenImage_SameIdBackWithSharesButNotDeprecationOrProtection()
    {
        var world = WithRules();
        var id = world.Image(b => b.Named("web-1").SharedWithAccount("111122223333").DeprecatedAt(TestWorld.Start.AddDays(-1)).WithSnapshot(8).WithSnapshot(16));
        var snapshots = world.Simulator.SnapshotIdsOf(TestWorld.East, id);
        await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id, DeleteAssociatedSnapshots = true });

        var premature = await Errors.Expect(SimulatedErrorCodes.RestoreBeforeSnapshots, () => world.EastClient.RestoreImageFromRecycleBinAsync(new RestoreImageFromRecycleBinRequest { ImageId = id }));
        Assert.Contains(snapshots[0], premature.Message, StringComparison.Ordinal);
        foreach (var snapshot in snapshots)
        {
            var restored = await world.EastClient.RestoreSnapshotFromRecycleBinAsync(new RestoreSnapshotFromRecycleBinRequest { SnapshotId = snapshot });
            Assert.Equal(SnapshotState.Completed, restored.State);
        }

        Assert.True((await world.EastClient.RestoreImageFromRecycleBinAsync(new RestoreImageFromRecycleBinRequest { ImageId = id })).Return);

        var image = (await world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [id] })).Images.Single();
        Assert.Equal(Amazon.EC2.ImageState.Available, image.State);
        Assert.Equal("web-1", image.Name);
        Assert.Null(image.DeprecationTime);
        Assert.Null(image.Tags);
        Assert.Equal([new AmiAutomation.Core.Images.LaunchPermission(LaunchPermissionKind.Account, "111122223333")], world.Simulator.LaunchPermissionsOf(TestWorld.East, id));
        Assert.Null((await world.EastClient.ListImagesInRecycleBinAsync(new ListImagesInRecycleBinRequest())).Images);
    }

    [Fact]
    public async Task Restore_SnapshotWithDelay_ImageWaitsForCompleted()
    {
        var world = WithRules();
        world.Simulator.Options.SnapshotRestoreDuration = TimeSpan.FromMinutes(2);
        var id = world.Image();
        var snapshot = world.Simulator.SnapshotIdsOf(TestWorld.East, id).Single();
        await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id, DeleteAssociatedSnapshots = true });

        var restoring = await world.EastClient.RestoreSnapshotFromRecycleBinAsync(new RestoreSnapshotFromRecycleBinRequest { SnapshotId = snapshot });
        Assert.Equal(SnapshotState.Pending, restoring.State);
        await Errors.Expect(SimulatedErrorCodes.RestoreBeforeSnapshots, () => world.EastClient.RestoreImageFromRecycleBinAsync(new RestoreImageFromRecycleBinRequest { ImageId = id }));

        world.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(SnapshotState.Completed, (await world.EastClient.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [snapshot] })).Snapshots.Single().State);
        await world.EastClient.RestoreImageFromRecycleBinAsync(new RestoreImageFromRecycleBinRequest { ImageId = id });
    }

    [Fact]
    public async Task Restore_SnapshotsNeverDeleted_ImageRestoresAtOnce()
    {
        var world = WithRules();
        var id = world.Image();
        await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id });

        await world.EastClient.RestoreImageFromRecycleBinAsync(new RestoreImageFromRecycleBinRequest { ImageId = id });

        Assert.NotNull(world.Simulator.FindImage(TestWorld.East, id));
    }

    [Fact]
    public async Task Retention_Expired_ImageAndSnapshotsPermanentlyGone()
    {
        var world = WithRules(imageDays: 7, snapshotDays: 3);
        var id = world.Image();
        var snapshot = world.Simulator.SnapshotIdsOf(TestWorld.East, id).Single();
        await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id, DeleteAssociatedSnapshots = true });

        world.Time.Advance(TimeSpan.FromDays(3));
        Assert.Null((await world.EastClient.ListSnapshotsInRecycleBinAsync(new ListSnapshotsInRecycleBinRequest())).Snapshots);
        await Errors.Expect("InvalidSnapshot.NotFound", () => world.EastClient.RestoreSnapshotFromRecycleBinAsync(new RestoreSnapshotFromRecycleBinRequest { SnapshotId = snapshot }));
        var unrecoverable = await Errors.Expect(SimulatedErrorCodes.RestoreBeforeSnapshots, () => world.EastClient.RestoreImageFromRecycleBinAsync(new RestoreImageFromRecycleBinRequest { ImageId = id }));
        Assert.Contains("no longer exists", unrecoverable.Message, StringComparison.Ordinal);

        world.Time.Advance(TimeSpan.FromDays(4));
        Assert.Null((await world.EastClient.ListImagesInRecycleBinAsync(new ListImagesInRecycleBinRequest())).Images);
        await Errors.Expect(SimulatedErrorCodes.ImageNotInRecycleBin, () => world.EastClient.RestoreImageFromRecycleBinAsync(new RestoreImageFromRecycleBinRequest { ImageId = id }));
        Assert.True(world.Simulator.IsImageGone(TestWorld.East, id));
    }

    [Fact]
    public async Task ListImages_ByIdsAtMost20_AndPaging()
    {
        var world = WithRules();
        var ids = Enumerable.Range(0, 6).Select(i => world.Image(b => b.Named($"img-{i}").WithDescription($"d{i}"))).ToList();
        foreach (var id in ids)
        {
            await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id });
        }

        var listed = await world.EastClient.ListImagesInRecycleBinAsync(new ListImagesInRecycleBinRequest { ImageIds = [ids[1], ids[4], "ami-0123456789abcdef0"] });
        Assert.Equal([(ids[1], "img-1", "d1"), (ids[4], "img-4", "d4")], listed.Images.Select(i => (i.ImageId, i.Name, i.Description)));

        var paged = new List<string>();
        await foreach (var image in world.EastClient.Paginators.ListImagesInRecycleBin(new ListImagesInRecycleBinRequest { MaxResults = 4 }).Images)
        {
            paged.Add(image.ImageId);
        }

        Assert.Equal(ids, paged);
        await Errors.Expect("InvalidParameterValue", () => world.EastClient.ListImagesInRecycleBinAsync(new ListImagesInRecycleBinRequest { ImageIds = Enumerable.Range(0, 21).Select(i => $"ami-{i:00000000}").ToList() }));
        await Errors.Expect("InvalidParameterValue", () => world.EastClient.ListSnapshotsInRecycleBinAsync(new ListSnapshotsInRecycleBinRequest { MaxResults = TooFew }));
    }

    [Fact]
    public async Task Binned_LaunchPermissionsRemovedWhileInBin()
    {
        var world = WithRules();
        var id = world.Image(b => b.Public());

        await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id });

        Assert.Equal([AmiAutomation.Core.Images.LaunchPermission.Public], world.Simulator.LaunchPermissionsOf(TestWorld.East, id));
        await Errors.Expect("InvalidAMIID.Unavailable", () => world.EastClient.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = id, Attribute = "launchPermission" }));
    }
}
