using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Operations;

public sealed class InstanceOperationsTests
{
    private static async Task<List<(string Id, string State)>> Instances(TestWorld world, DescribeInstancesRequest request)
    {
        var result = new List<(string, string)>();
        await foreach (var reservation in world.EastClient.Paginators.DescribeInstances(request).Reservations)
        {
            result.AddRange(reservation.Instances.Select(i => (i.InstanceId, i.State.Name.Value)));
        }

        return result;
    }

    [Fact]
    public async Task Filters_ImageIdAndStateName_TerminatedVisibleForAnHour()
    {
        var world = new TestWorld();
        var image = world.Image();
        var running = world.Simulator.AddInstance(TestWorld.East, image);
        var stopped = world.Simulator.AddInstance(TestWorld.East, image, "stopped");
        var terminated = world.Simulator.AddInstance(TestWorld.East, image, "terminated");
        world.Simulator.AddInstance(TestWorld.East, "ami-0123456789abcdef0");

        var byImage = await Instances(world, new DescribeInstancesRequest { Filters = [new Filter("image-id", [image])] });
        Assert.Equal([(running, "running"), (stopped, "stopped"), (terminated, "terminated")], byImage);
        var live = await Instances(world, new DescribeInstancesRequest { Filters = [new Filter("image-id", [image]), new Filter("instance-state-name", ["running", "stopped"])] });
        Assert.Equal([running, stopped], live.Select(i => i.Id));

        world.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal([running, stopped], (await Instances(world, new DescribeInstancesRequest { Filters = [new Filter("image-id", [image])] })).Select(i => i.Id));
    }

    [Fact]
    public async Task Paging_MaxResultsRange_AndNotWithInstanceIds()
    {
        var world = new TestWorld();
        var ids = Enumerable.Range(0, 12).Select(_ => world.Simulator.AddInstance(TestWorld.East, "ami-0123456789abcdef0")).ToList();

        Assert.Equal(ids, (await Instances(world, new DescribeInstancesRequest { MaxResults = 5 })).Select(i => i.Id));
        Assert.Equal(3, world.Simulator.Calls.CountOf("DescribeInstances"));
        await Errors.Expect("InvalidParameterValue", () => world.EastClient.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 4 }));
        await Errors.Expect("InvalidParameterCombination", () => world.EastClient.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [ids[0]], MaxResults = 5 }));
        await Errors.Expect("InvalidInstanceID.NotFound", () => world.EastClient.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-0123456789abcdef0"] }));
        await Errors.Expect("InvalidInstanceID.Malformed", () => world.EastClient.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["bogus"] }));
    }

    [Fact]
    public async Task RunInstances_UpdatesLastLaunched_TerminateKeepsVisibility()
    {
        var world = new TestWorld();
        var image = world.Image();

        var reservation = (await world.EastClient.RunInstancesAsync(new RunInstancesRequest { ImageId = image, MinCount = 2, MaxCount = 2 })).Reservation;
        var terminated = await world.EastClient.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [reservation.Instances[0].InstanceId] });

        Assert.Equal(2, reservation.Instances.Count);
        Assert.Equal(InstanceStateName.Pending, reservation.Instances[0].State.Name);
        Assert.Equal("2025-06-01T12:00:00.000Z", world.Simulator.FindImage(TestWorld.East, image)!.LastLaunchedTime);
        Assert.Equal(InstanceStateName.ShuttingDown, terminated.TerminatingInstances[0].CurrentState.Name);
        var all = await world.EastClient.DescribeInstancesAsync(new DescribeInstancesRequest());
        var reservationOut = Assert.Single(all.Reservations);
        Assert.Equal(reservation.ReservationId, reservationOut.ReservationId);
        Assert.Equal(["terminated", "running"], reservationOut.Instances.Select(i => i.State.Name.Value));
    }

    [Fact]
    public async Task RunInstances_DisabledImage_Unavailable()
    {
        var world = new TestWorld();
        var image = world.Image(b => b.Disabled());

        await Errors.Expect("InvalidAMIID.Unavailable", () => world.EastClient.RunInstancesAsync(new RunInstancesRequest { ImageId = image, MinCount = 1, MaxCount = 1 }));
    }

    [Theory]
    [InlineData(false, "InvalidAMIID.Unavailable")]
    [InlineData(true, "InvalidAMIID.NotFound")]
    public async Task RunInstances_DisabledImage_AssumedCodeEitherWayAndRecordedAsAFailedLaunch(bool alternative, string code)
    {
        var world = new TestWorld(new SimulatorOptions { AlternativeErrorCodes = alternative });
        var image = world.Image(b => b.Disabled());

        await Errors.Expect(code, () => world.EastClient.RunInstancesAsync(new RunInstancesRequest { ImageId = image, MinCount = 1, MaxCount = 1 }));

        var failed = Assert.Single(world.Simulator.FailedLaunches);
        Assert.Equal((image, code, (string?)null), (failed.ImageId, failed.ErrorCode, failed.AutoScalingGroupName));
    }

    [Fact]
    public async Task RunInstances_ByLaunchTemplate_VersionsResolvedLikeEc2()
    {
        var world = new TestWorld();
        string v1 = world.Image(), v2 = world.Image();
        var template = world.Simulator.AddLaunchTemplate(TestWorld.East, "web", v1, v2);

        async Task<string> Launched(string? version) =>
            (await world.EastClient.RunInstancesAsync(new RunInstancesRequest
            {
                MinCount = 1, MaxCount = 1, LaunchTemplate = new LaunchTemplateSpecification { LaunchTemplateId = template, Version = version },
            })).Reservation.Instances[0].ImageId;

        Assert.Equal(v2, await Launched("$Latest"));
        Assert.Equal(v1, await Launched("$Default"));
        Assert.Equal(v1, await Launched(null));
        Assert.Equal(v2, await Launched("2"));
        await Errors.Expect("InvalidLaunchTemplateId.VersionNotFound", () => Launched("3"));
    }

    [Fact]
    public async Task LaunchFromAutoScalingGroup_DisabledImage_FailedLaunchCarriesTemplateAndGroupNotTheImage()
    {
        var world = new TestWorld();
        var image = world.Image();
        var template = world.Simulator.AddLaunchTemplate(TestWorld.East, "web", image);
        world.Simulator.AddAutoScalingGroup(TestWorld.East, "web-asg", launchTemplateId: template, version: "$Latest");
        Assert.NotNull(await world.Simulator.LaunchFromAutoScalingGroupAsync(TestWorld.East, "web-asg"));
        await world.EastClient.DisableImageAsync(new DisableImageRequest { ImageId = image });

        Assert.Null(await world.Simulator.LaunchFromAutoScalingGroupAsync(TestWorld.East, "web-asg"));

        var failed = Assert.Single(world.Simulator.FailedLaunches);
        Assert.Null(failed.ImageId);
        Assert.Equal((template, "$Latest", "web-asg"), (failed.LaunchTemplateId, failed.LaunchTemplateVersion, failed.AutoScalingGroupName));
    }
}
