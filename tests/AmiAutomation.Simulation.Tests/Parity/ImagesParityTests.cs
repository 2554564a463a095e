using AmiAutomation.TestKit.Moto;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Parity;

[Collection(MotoCollection.Name)]
public sealed class ImagesParityTests(MotoServerFixture moto) : ParityTest(moto)
{
    [Fact]
    public Task CreateImage_DescribeByOwnersIdsAndFilters() => AssertParity(async (backend, t) =>
    {
        var ec2 = backend[East];
        var instance = await Scenario.LaunchAsync(ec2);
        var web1 = await Scenario.ImageAsync(ec2, instance, "web-1", "first", new Tag("team", "blue"));
        var web2 = await Scenario.ImageAsync(ec2, instance, "web-2");
        var api1 = await Scenario.ImageAsync(ec2, instance, "api-10", tags: new Tag("team", "red"));
        t.Note("created", $"{instance} {web1} {web2} {api1}");

        await t.Step("self", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] }), r => Scenario.Ids(r.Images));
        await t.Step("account", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = [MotoServerFixture.AccountId] }), r => Scenario.Ids(r.Images));
        await t.Step("by id", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [web1] }), r => Scenario.Describe(r.Images.Single()));
        await t.Step("two ids", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [web2, api1] }), r => Scenario.Ids(r.Images));
        await t.Step("name web-*", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], Filters = [new Filter("name", ["web-*"])] }), r => Scenario.Names(r.Images));
        await t.Step("name ???-1?", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], Filters = [new Filter("name", ["???-1?"])] }), r => Scenario.Names(r.Images));
        await t.Step("tag:team", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], Filters = [new Filter("tag:team", ["blue", "red"])] }), r => Scenario.Names(r.Images));
        await t.Step("tag-key", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], Filters = [new Filter("tag-key", ["team"])] }), r => Scenario.Names(r.Images));
        await t.Step("state", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], Filters = [new Filter("state", ["available"])] }), r => Scenario.Names(r.Images));
        await t.Step("image-id filter", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], Filters = [new Filter("image-id", [api1])] }), r => Scenario.Ids(r.Images));
        await t.Step("owner-id filter", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], Filters = [new Filter("owner-id", [MotoServerFixture.AccountId])] }), r => Scenario.Names(r.Images));
        await t.Step("is-public", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], Filters = [new Filter("is-public", ["false"])] }), r => Scenario.Names(r.Images));
        await t.Step("no match", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], Filters = [new Filter("name", ["zzz*"])] }), r => Scenario.Names(r.Images));
        await t.Step("unknown id", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["ami-0123456789abcdef0"] }), r => Scenario.Ids(r.Images));
        await t.Step("malformed id", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["bogus"] }), r => Scenario.Ids(r.Images));
        await t.Step("other region", () => backend[West].DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] }), r => Scenario.Ids(r.Images));
    });

    [Fact]
    public Task CreateImage_SnapshotsDescribedAndSized() => AssertParity(async (backend, t) =>
    {
        var ec2 = backend[East];
        var instance = await Scenario.LaunchAsync(ec2);
        var image = await Scenario.ImageAsync(ec2, instance, "snap-check");
        var described = (await ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [image] })).Images.Single();
        var snapshotId = described.BlockDeviceMappings.Single(b => b.Ebs is not null).Ebs.SnapshotId;

        t.Note("instance", instance);
        await t.Step("snapshot", () => ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [snapshotId] }), r =>
        {
            var s = r.Snapshots.Single();
            return $"{s.SnapshotId} {s.State} {s.VolumeSize} GiB owner={s.OwnerId} encrypted={s.Encrypted} '{s.Description}'";
        });
        await t.Step("snapshot filter description", () => ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { Filters = [new Filter("description", [$"Created by CreateImage({instance}) for {image}"])] }), r => r.Snapshots.Count);
    });
}
