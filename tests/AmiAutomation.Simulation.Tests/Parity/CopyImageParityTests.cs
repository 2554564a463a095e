using AmiAutomation.TestKit.Moto;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Parity;

[Collection(MotoCollection.Name)]
public sealed class CopyImageParityTests(MotoServerFixture moto) : ParityTest(moto)
{
    [Fact]
    public Task CopyImage_ThroughTheDestinationClient_LandsInTheSignedRegion() => AssertParity(async (backend, t) =>
    {
        var east = backend[East];
        var west = backend[West];
        var instance = await Scenario.LaunchAsync(east);
        var source = await Scenario.ImageAsync(east, instance, "web-1");
        t.Note("created", $"{instance} {source}");

        var copy = await t.Step("copy", () => west.CopyImageAsync(new CopyImageRequest { SourceImageId = source, SourceRegion = East, Name = "web-1-copy", Description = "copied" }), r => r.ImageId);
        await t.Step("west self", () => west.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] }), r => string.Join(';', r.Images.Select(i => $"{i.ImageId} {i.Name} {i.State} '{i.Description}'")));
        await t.Step("east self", () => east.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] }), r => Scenario.Ids(r.Images));
        await t.Step("copy not in east", () => east.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [copy!.ImageId] }), r => Scenario.Ids(r.Images));
        await t.Step("copy snapshot differs", () => west.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [copy!.ImageId] }), r => r.Images.Single().BlockDeviceMappings.Single().Ebs.SnapshotId);
        await t.Step("wrong source region", () => west.CopyImageAsync(new CopyImageRequest { SourceImageId = source, SourceRegion = "us-west-2", Name = "web-1-copy-2" }), r => r.ImageId);
        await t.Step("unknown source", () => west.CopyImageAsync(new CopyImageRequest { SourceImageId = "ami-0123456789abcdef0", SourceRegion = East, Name = "web-1-copy-3" }), r => r.ImageId);
        await t.Step("copy back", () => east.CopyImageAsync(new CopyImageRequest { SourceImageId = copy!.ImageId, SourceRegion = West, Name = "round-trip" }), r => r.ImageId);
        await t.Step("east names", () => east.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] }), r => Scenario.Names(r.Images));
    });
}
