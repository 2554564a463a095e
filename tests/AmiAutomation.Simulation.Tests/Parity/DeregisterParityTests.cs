using AmiAutomation.TestKit.Moto;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Parity;

[Collection(MotoCollection.Name)]
public sealed class DeregisterParityTests(MotoServerFixture moto) : ParityTest(moto)
{
    [Fact]
    public Task Deregister_Repeat_Unknown_DescribeGone() => AssertParity(async (backend, t) =>
    {
        var ec2 = backend[East];
        var instance = await Scenario.LaunchAsync(ec2);
        var image = await Scenario.ImageAsync(ec2, instance, "old-1");
        var kept = await Scenario.ImageAsync(ec2, instance, "old-2");
        t.Note("created", $"{instance} {image} {kept}");

        await t.Step("dry run", () => ec2.DeregisterImageAsync(new DeregisterImageRequest { ImageId = image, DryRun = true }), r => r.Return);
        await t.Step("deregister", () => ec2.DeregisterImageAsync(new DeregisterImageRequest { ImageId = image }), r => r.Return == true);
        await t.Step("again", () => ec2.DeregisterImageAsync(new DeregisterImageRequest { ImageId = image }), r => r.Return);
        await t.Step("unknown", () => ec2.DeregisterImageAsync(new DeregisterImageRequest { ImageId = "ami-0123456789abcdef0" }), r => r.Return);
        await t.Step("describe gone id", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [image] }), r => Scenario.Ids(r.Images));
        await t.Step("describe gone and kept", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [image, kept] }), r => Scenario.Ids(r.Images));
        await t.Step("self", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] }), r => Scenario.Ids(r.Images));
    });

    [Fact]
    public Task Snapshots_InUseUntilDeregistered_ThenDeletable() => AssertParity(async (backend, t) =>
    {
        var ec2 = backend[East];
        var instance = await Scenario.LaunchAsync(ec2);
        var image = await Scenario.ImageAsync(ec2, instance, "snap-owner");
        var snapshot = (await ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [image] })).Images.Single().BlockDeviceMappings.Single(b => b.Ebs is not null).Ebs.SnapshotId;
        t.Note("created", $"{instance} {image} {snapshot}");

        await t.Step("delete in use", () => ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshot }), _ => "deleted");
        await t.Step("owner-id filter", () => ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { Filters = [new Filter("owner-id", [MotoServerFixture.AccountId])] }), r => string.Join(',', r.Snapshots.Select(s => s.SnapshotId)));
        await t.Step("deregister", () => ec2.DeregisterImageAsync(new DeregisterImageRequest { ImageId = image }), r => r.Return == true);
        await t.Step("snapshot stays", () => ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [snapshot] }), r => r.Snapshots.Single().State);
        await t.Step("delete", () => ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshot }), _ => "deleted");
        await t.Step("describe deleted", () => ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [snapshot] }), r => r.Snapshots.Count);
        await t.Step("delete again", () => ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshot }), _ => "deleted");
    });
}
