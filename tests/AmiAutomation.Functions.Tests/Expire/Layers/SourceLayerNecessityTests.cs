using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;

namespace AmiAutomation.Functions.Tests.Expire.Layers;

/// <summary>
/// Each reference source, the executor's re-check and the two caps, each ALONE between a needed image and its
/// deregistration, end to end through the live expire function. The other sources are blind: the simulator's
/// DescribeImageReferences stops cross-reporting instances and templates, and the re-check's reads go blind after the
/// inventory's honest calls (<see cref="Simulation.Faults.EmulatorLies"/>).
/// </summary>
public sealed class SourceLayerNecessityTests : LayerNecessityScenario
{
    [Theory]
    [InlineData("pending")]
    [InlineData("running")]
    [InlineData("stopping")]
    [InlineData("stopped")]
    [InlineData("shutting-down")]
    public async Task InstancesSource_AloneKeepsImageOfInstanceInAnyLiveState(string state)
    {
        var needed = Needed();
        _h.Ec2.AddInstance(Region, needed, state);
        _h.Ec2.Options.ImageReferencesReportInstancesAndTemplates = false;
        _h.Ec2.Lies.BlindAfter("DescribeInstances", honestCalls: 1);

        var summary = await RunAsync();

        AssertSkippedFor(summary, needed, "InUse");
        Assert.Contains("instance i-", Line(summary, needed).Reasons[0], StringComparison.Ordinal);
        AssertOnlyControlDeregistered(summary, needed);
    }

    [Fact]
    public async Task LaunchTemplatesSource_AloneKeepsImagePinnedDeeperThanImageReferencesDepth()
    {
        var needed = Needed();
        var newest = Newest("web");
        // Version 1 launches the needed image; versions 2–12 push it below DescribeImageReferences' depth of 10,
        // which stays on (cross-reporting included): the dedicated source alone must see version 1.
        _h.Ec2.AddLaunchTemplate(Region, "web-lt", [needed, .. Enumerable.Repeat<string?>(newest, 11)]);
        _h.Ec2.SetDefaultLaunchTemplateVersion(Region, "web-lt", 12);

        var summary = await RunAsync();

        AssertSkippedFor(summary, needed, "InUse");
        Assert.Contains("launch template lt-", Line(summary, needed).Reasons[0], StringComparison.Ordinal);
        Assert.EndsWith(":1", Line(summary, needed).Reasons[0], StringComparison.Ordinal);
        AssertOnlyControlDeregistered(summary, needed);
    }

    [Fact]
    public async Task ImageReferencesSource_AloneKeepsImageInSsmParameter()
    {
        var needed = Needed();
        _h.Ec2.AddSsmParameter(Region, "/golden/svc", needed);
        _h.Ec2.Lies.BlindAfter("DescribeImageReferences", honestCalls: 1);

        var summary = await RunAsync();

        AssertSkippedFor(summary, needed, "InUse");
        Assert.Contains("arn:aws:ssm:", Line(summary, needed).Reasons[0], StringComparison.Ordinal);
        AssertOnlyControlDeregistered(summary, needed);
    }

    [Fact]
    public async Task Recheck_ReferenceAppearingBetweenPlanAndExecution_KeepsImage()
    {
        var needed = Needed();
        // The inventory reads DescribeImageReferences last: right after it, an instance starts from the needed image.
        _h.Ec2.Lies.AfterCall("DescribeImageReferences", 1, () => _h.Ec2.AddInstance(Region, needed, "running"));

        var summary = await RunAsync();

        var line = Line(summary, needed);
        Assert.Equal(("Deregister", OutcomeNames.Skipped, "SkippedOnRecheck"), (line.Action, line.Outcome, line.Reason));
        Assert.Contains("instance i-", line.Detail, StringComparison.Ordinal);
        AssertOnlyControlDeregistered(summary, needed);
    }

    [Fact]
    public async Task PlannerCap_AloneLimitsDeregistrationsToMaxPerRun()
    {
        _h.Live().Set(ExpireSettings.MaxDeregistrationsPerRunVariable, "1");
        var needed = Needed();

        var summary = await RunAsync();

        Assert.Equal("BlastRadiusCapReached", Line(summary, needed).Reason);
        AssertOnlyControlDeregistered(summary, needed);
    }

    [Fact]
    public async Task ExecutorCap_AloneLimitsDestructiveCallsPerRun()
    {
        _h.Live().Set(CommonSettings.MaxDestructiveActionsPerRunVariable, "1");
        var needed = Needed();

        var summary = await RunAsync();

        Assert.Equal(OutcomeNames.NotStarted, Line(summary, needed).Outcome);
        AssertOnlyControlDeregistered(summary, needed);
    }
}
