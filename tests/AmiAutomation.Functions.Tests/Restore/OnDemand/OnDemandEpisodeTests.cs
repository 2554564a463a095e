using AmiAutomation.Core.Images;
using AmiAutomation.Simulation;

namespace AmiAutomation.Functions.Tests.Restore.OnDemand;

/// <summary>
/// Whole episodes on the simulator: an Auto Scaling group launches from a launch template; the image is disabled; the
/// group's next launch fails (the simulator records what CloudTrail would); that event reaches the restore function;
/// the image is enabled with its launch permissions back, and the group launches again.
/// </summary>
public sealed class OnDemandEpisodeTests
{
    private const string Region = RestoreHarness.Region;

    /// <summary>The code EC2 gives for launching a disabled image is not documented; both candidates heal.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Episode_DisableFailedAsgLaunchCloudTrailEvent_EnabledAndTheGroupLaunchesAgain(bool alternativeCode)
    {
        var h = OnDemandHarness.Create();
        h.Ec2.Options.AlternativeErrorCodes = alternativeCode;
        var imageId = h.AddSharedImage();
        var template = h.Ec2.AddLaunchTemplate(Region, "web", imageId);
        h.Ec2.AddAutoScalingGroup(Region, "web-asg", launchTemplateId: template, version: "$Latest");
        Assert.NotNull(await h.Ec2.LaunchFromAutoScalingGroupAsync(Region, "web-asg"));
        await h.DisableAsync(imageId);

        Assert.Null(await h.Ec2.LaunchFromAutoScalingGroupAsync(Region, "web-asg"));
        var failed = Assert.Single(h.Ec2.FailedLaunches);
        Assert.Equal(alternativeCode ? SimulatedErrorCodes.Alternative.LaunchDisabledImage : SimulatedErrorCodes.LaunchDisabledImage, failed.ErrorCode);
        Assert.Null(failed.ImageId);
        Assert.Equal("web-asg", failed.AutoScalingGroupName);

        var output = await h.InvokeAsync(LaunchFailureEvents.From(failed, "e-episode"));

        Assert.Equal("enabled", output.Status);
        Assert.StartsWith("Auto Scaling group web-asg", output.NeededBy, StringComparison.Ordinal);
        Assert.Contains(new LaunchPermission(LaunchPermissionKind.Account, OnDemandHarness.Partner), h.Ec2.LaunchPermissionsOf(Region, imageId));
        Assert.NotNull(await h.Ec2.LaunchFromAutoScalingGroupAsync(Region, "web-asg"));
        Assert.Equal(1, h.LiveCalls("EnableImage"));
    }

    [Fact]
    public async Task Episode_AutoScalingEventWithoutImageId_GroupResolvedAndEnabled()
    {
        var h = OnDemandHarness.Create();
        var imageId = h.AddSharedImage();
        h.Ec2.AddLaunchConfiguration(Region, "web-lc", imageId);
        h.Ec2.AddAutoScalingGroup(Region, "web-asg", launchConfigurationName: "web-lc");
        await h.DisableAsync(imageId);

        var output = await h.InvokeAsync(LaunchFailureEvents.AutoScalingUnsuccessful("web-asg", "The image id is not available. Launching EC2 instance failed."));

        Assert.Equal("enabled", output.Status);
        Assert.Equal("Auto Scaling group web-asg", output.NeededBy);
        Assert.NotNull(await h.Ec2.LaunchFromAutoScalingGroupAsync(Region, "web-asg"));
    }

    [Fact]
    public async Task Episode_OneFailureSeenByCloudTrailAndAutoScalingAndManyLaunches_OneEnableImage()
    {
        var h = OnDemandHarness.Create();
        var imageId = h.AddSharedImage();
        var template = h.Ec2.AddLaunchTemplate(Region, "web", imageId);
        h.Ec2.AddAutoScalingGroup(Region, "web-asg", launchTemplateId: template);
        await h.DisableAsync(imageId);
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(await h.Ec2.LaunchFromAutoScalingGroupAsync(Region, "web-asg"));
        }

        var events = h.Ec2.FailedLaunches.Select((f, i) => LaunchFailureEvents.From(f, "ct-" + i))
            .Append(LaunchFailureEvents.AutoScalingUnsuccessful("web-asg", $"The image id '[{imageId}]' is not available. Launching EC2 instance failed."))
            .Append(LaunchFailureEvents.RunInstances(imageId))
            .ToList();
        var statuses = new List<string?>();
        foreach (var json in events)
        {
            statuses.AddRange((await h.InvokeConcurrentlyAsync(json, 2)).Select(r => r.Output.Status));
        }

        Assert.Equal(1, h.LiveCalls("EnableImage"));
        Assert.Equal(1, statuses.Count(s => s == "enabled"));
        Assert.Equal(statuses.Count - 1, statuses.Count(s => s == "nothing-done"));
    }
}
