using System.Text.Json;
using AmiAutomation.Core.OnDemand;
using AmiAutomation.Functions.Restore;
using AmiAutomation.Functions.Restore.OnDemand;
using AmiAutomation.TestKit.Repository;

namespace AmiAutomation.Functions.Tests.Restore.OnDemand;

/// <summary>Every <c>events/restore-on-demand-*.json</c> is read through the production JSON contexts and parser.</summary>
public sealed class OnDemandEventsTests
{
    public const string Prefix = "restore-on-demand-";
    private const string ImageId = "ami-0a1b2c3d4e5f60718";

    private static LaunchFailure Parse(string file)
    {
        var json = File.ReadAllText(RepositoryRoot.File("events", file));
        var input = JsonSerializer.Deserialize(json, RestoreJsonContext.Default.RestoreInput)!;
        Assert.True(input.HasEnvelope);
        var parsed = LaunchFailureParser.Parse(input, RestoreHarness.Region);
        Assert.Null(parsed.IgnoredReason);
        return parsed.Failure!;
    }

    [Fact]
    public void EventFiles_OneOfEachKind() =>
        Assert.Equal(
            ["restore-on-demand-asg-launch-unsuccessful.json", "restore-on-demand-asg-runinstances-failed.json", "restore-on-demand-createfleet-failed.json", "restore-on-demand-runinstances-failed.json"],
            RepositoryRoot.EventFiles().Select(Path.GetFileName).OfType<string>().Where(f => f.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal));

    [Fact]
    public void DirectRunInstances_ImageAndCaller()
    {
        var failure = Parse("restore-on-demand-runinstances-failed.json");

        Assert.Equal(LaunchFailureSource.CloudTrail, failure.Source);
        Assert.Equal("RunInstances", failure.Operation);
        Assert.Equal("InvalidAMIID.Unavailable", failure.ErrorCode);
        Assert.Equal([ImageId], failure.ImageIds);
        Assert.Empty(failure.LaunchTemplates);
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/web-team-deployer/deploy-pipeline", failure.NeededBy);
    }

    [Fact]
    public void AutoScalingRunInstancesFromALaunchTemplate_TemplateVersionAndGroupNoImage()
    {
        var failure = Parse("restore-on-demand-asg-runinstances-failed.json");

        Assert.Empty(failure.ImageIds);
        Assert.Equal([new LaunchTemplateRef("lt-0abc1234def567890", null, "$Latest")], failure.LaunchTemplates);
        Assert.Equal("web-asg", failure.AutoScalingGroupName);
        Assert.StartsWith("Auto Scaling group web-asg (arn:aws:sts::123456789012:assumed-role/AWSServiceRoleForAutoScaling/AutoScaling)", failure.NeededBy, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateFleet_LaunchTemplateConfigsTemplate()
    {
        var failure = Parse("restore-on-demand-createfleet-failed.json");

        Assert.Equal("CreateFleet", failure.Operation);
        Assert.Equal("InvalidAMIID.NotFound", failure.ErrorCode);
        Assert.Equal([new LaunchTemplateRef("lt-0abc1234def567890", null, "2")], failure.LaunchTemplates);
        Assert.Contains("batch-fleet-launcher", failure.NeededBy, StringComparison.Ordinal);
    }

    [Fact]
    public void AutoScalingLaunchUnsuccessful_GroupAndTheImageNamedInTheMessage()
    {
        var failure = Parse("restore-on-demand-asg-launch-unsuccessful.json");

        Assert.Equal(LaunchFailureSource.AutoScaling, failure.Source);
        Assert.Equal("web-asg", failure.AutoScalingGroupName);
        Assert.Equal([ImageId], failure.ImageIds);
        Assert.Equal("Auto Scaling group web-asg", failure.NeededBy);
    }
}
