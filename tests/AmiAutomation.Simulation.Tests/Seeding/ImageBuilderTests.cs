using Amazon.EC2;

namespace AmiAutomation.Simulation.Tests.Seeding;

public sealed class ImageBuilderTests
{
    [Fact]
    public void Defaults_OwnedAvailableOneDayOldOneRootSnapshot()
    {
        var world = new TestWorld();

        var image = world.Simulator.FindImage(TestWorld.East, world.Image())!;

        Assert.Equal(world.Simulator.AccountId, image.OwnerId);
        Assert.Equal(ImageState.Available, image.State);
        Assert.Equal("2025-05-31T12:00:00.000Z", image.CreationDate);
        Assert.Equal("/dev/xvda", image.BlockDeviceMappings.Single().DeviceName);
        Assert.Equal(8, image.BlockDeviceMappings.Single().Ebs.VolumeSize);
        Assert.StartsWith("image-ami-", image.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_AreDeterministicAndWellFormed()
    {
        var a = new TestWorld();
        var b = new TestWorld();

        var idsA = Enumerable.Range(0, 50).Select(_ => a.Image()).ToList();
        var idsB = Enumerable.Range(0, 50).Select(_ => b.Image()).ToList();

        Assert.Equal(idsA, idsB);
        Assert.Equal(50, idsA.Distinct().Count());
        Assert.All(idsA, id => Assert.Matches("^ami-0[0-9a-f]{16}$", id));
    }

    [Fact]
    public void InstanceStore_HasNoSnapshotsAndAManifestLocation()
    {
        var world = new TestWorld();

        var image = world.Simulator.FindImage(TestWorld.East, world.Image(b => b.Named("legacy").InstanceStore()))!;

        Assert.Equal(DeviceType.InstanceStore, image.RootDeviceType);
        Assert.Equal("amzn-s3-demo-bucket/legacy/image.manifest.xml", image.ImageLocation);
        Assert.All(image.BlockDeviceMappings, m => Assert.Null(m.Ebs));
        Assert.Empty(world.Simulator.SnapshotIdsOf(TestWorld.East, image.ImageId));
    }

    [Fact]
    public void DuplicateOrMalformedIds_Rejected()
    {
        var world = new TestWorld();
        world.Image(b => b.WithId("ami-12345678"));

        Assert.Throws<ArgumentException>(() => world.Image(b => b.WithId("ami-12345678")));
        Assert.Throws<ArgumentException>(() => world.Image(b => b.WithId("image-1")));
        Assert.Throws<ArgumentException>(() => world.Image(b => b.WithSnapshot(existingSnapshotId: "snap-12345678")));
    }
}
