using AmiAutomation.TestKit.Moto;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Parity;

[Collection(MotoCollection.Name)]
public sealed class InstancesParityTests(MotoServerFixture moto) : ParityTest(moto)
{
    private static string Instances(DescribeInstancesResponse response) => response.Reservations is null
        ? "null"
        : string.Join(',', response.Reservations.SelectMany(r => r.Instances).OrderBy(i => i.InstanceId, StringComparer.Ordinal).Select(i => $"{i.InstanceId}:{i.ImageId}:{i.State.Name}"));

    [Fact]
    public Task DescribeInstances_ImageIdAndStateFilters_TerminatedStillVisible() => AssertParity(async (backend, t) =>
    {
        var ec2 = backend[East];
        var first = await Scenario.LaunchAsync(ec2);
        var image = await Scenario.ImageAsync(ec2, first, "launch-source");
        var second = (await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = image, MinCount = 1, MaxCount = 1 })).Reservation.Instances.Single().InstanceId;
        t.Note("created", $"{first} {image} {second}");

        await t.Step("by image", () => ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter("image-id", [image])] }), Instances);
        await t.Step("terminate", () => ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [second] }), r => r.TerminatingInstances.Single().CurrentState.Name);
        await t.Step("terminated visible", () => ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter("image-id", [image])] }), Instances);
        await t.Step("running only", () => ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter("image-id", [image]), new Filter("instance-state-name", ["running", "pending"])] }), Instances);
        await t.Step("by id", () => ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [first] }), Instances);
        await t.Step("unknown id", () => ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-0123456789abcdef0"] }), Instances);
    });
}
