using AmiAutomation.Core.Protection;
using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Images;
using Amazon.EC2.Model;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>The before/after deregistration hooks.</summary>
public sealed class Ec2PlanExecutorGuardTests : PlanExecutorTestBase
{
    [Fact]
    public async Task ExecuteAsync_DryRun_NeverCallsTheGuard()
    {
        var guard = new RecordingGuard();

        await RunAsync(Plans.Of(Plans.Deregister(Image("ami-00000001"))), new ExecutionOptions { Guard = guard });

        Assert.Empty(guard.BeforeCalls);
        Assert.Empty(guard.AfterCalls);
    }

    [Fact]
    public async Task ExecuteAsync_GuardBefore_SeesTheReReadImageWithLaunchPermissions()
    {
        var guard = new RecordingGuard();
        var image = Image("ami-00000001");
        var plan = Plans.Of(Plans.Deregister(image));
        image.Tags = [new Tag("team", "web")];
        Ec2.Permissions["ami-00000001"] = [new Amazon.EC2.Model.LaunchPermission { UserId = "444455556666" }];

        // Shared images are protected by default; this test is about what the guard sees, so the rule is relaxed.
        await RunAsync(plan, Real(guard) with { Protection = new ProtectionOptions { SharedImages = SharedImageRule.Allow } });

        var context = Assert.Single(guard.BeforeCalls);
        Assert.True(context.IsFirst);
        Assert.Equal("web", context.Current.Tag("team"));
        Assert.Equal([new AmiAutomation.Core.Images.LaunchPermission(LaunchPermissionKind.Account, "444455556666")], context.Current.LaunchPermissions);
        Assert.Equal("us-east-1", context.Region);
    }

    [Fact]
    public async Task ExecuteAsync_GuardBeforeThrows_FailedNothingDeregisteredRunGoesOn()
    {
        var guard = new RecordingGuard { Before = c => c.ImageId == "ami-00000001" ? throw new IOException("ledger unreachable") : GuardVerdict.Proceed };
        var plan = Plans.Of(Plans.Deregister(Image("ami-00000001")), Plans.Deregister(Image("ami-00000002")));

        var outcomes = await RunAsync(plan, Real(guard));

        Assert.Equal(OutcomeStatus.Failed, outcomes[0].Status);
        Assert.Equal(ExecutionErrorCodes.GuardFailed, outcomes[0].ErrorCode);
        Assert.Contains("ledger unreachable", outcomes[0].Detail, StringComparison.Ordinal);
        Assert.Equal(OutcomeStatus.Succeeded, outcomes[1].Status);
        Assert.Equal(["ami-00000002"], Ec2.RequestsOf<DeregisterImageRequest>().Select(r => r.ImageId));
    }

    [Fact]
    public async Task ExecuteAsync_GuardBeforeSkips_SkippedOnRecheckWithReason()
    {
        var guard = new RecordingGuard { Before = _ => GuardVerdict.Skip("pinned by the release calendar") };

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(Image("ami-00000001"))), Real(guard)));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Equal("pinned by the release calendar", outcome.Detail);
        Assert.Equal(0, Ec2.Calls("DeregisterImage"));
    }

    [Fact]
    public async Task ExecuteAsync_GuardAfterStopsAfterFirst_RemainingNotStarted()
    {
        var guard = new RecordingGuard { After = (c, _) => c.IsFirst ? GuardVerdict.Stop("image not found in the Recycle Bin") : GuardVerdict.Proceed };
        var plan = Plans.Of(
            Plans.Deregister(Image("ami-00000001")),
            Plans.Deregister(Image("ami-00000002")),
            Plans.Deprecate(Image("ami-00000003"), Plans.PlannedAt.AddDays(1)));

        var outcomes = await RunAsync(plan, Real(guard));

        Assert.Equal([OutcomeStatus.Succeeded, OutcomeStatus.NotStarted, OutcomeStatus.NotStarted], outcomes.Select(o => o.Status));
        Assert.Contains("Recycle Bin", outcomes[1].Detail, StringComparison.Ordinal);
        Assert.Equal(1, Ec2.Calls("DeregisterImage"));
        Assert.Equal(0, Ec2.Calls("EnableImageDeprecation"));
        Assert.Equal(OutcomeStatus.Succeeded, Assert.Single(guard.AfterCalls).Outcome.Status);
    }

    [Fact]
    public async Task ExecuteAsync_GuardAfterThrows_StopsTheRun()
    {
        var guard = new RecordingGuard { After = (_, _) => throw new InvalidOperationException("rbin check broke") };
        var plan = Plans.Of(Plans.Deregister(Image("ami-00000001")), Plans.Deregister(Image("ami-00000002")));

        var outcomes = await RunAsync(plan, Real(guard));

        Assert.Equal([OutcomeStatus.Succeeded, OutcomeStatus.NotStarted], outcomes.Select(o => o.Status));
        Assert.Contains("rbin check broke", outcomes[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_GuardBeforeStops_ThisAndRemainingNotStarted()
    {
        var guard = new RecordingGuard { Before = _ => GuardVerdict.Stop("ledger table missing") };
        var plan = Plans.Of(Plans.Deregister(Image("ami-00000001")), Plans.Deregister(Image("ami-00000002")));

        var outcomes = await RunAsync(plan, Real(guard));

        Assert.All(outcomes, o => Assert.Equal(OutcomeStatus.NotStarted, o.Status));
        Assert.Single(guard.BeforeCalls);
        Assert.Equal(0, Ec2.Calls("DeregisterImage"));
    }

    [Fact]
    public async Task ExecuteAsync_ContextCountsEarlierDeregistrations()
    {
        var guard = new RecordingGuard();
        var plan = Plans.Of(Plans.Deregister(Image("ami-00000001")), Plans.Deregister(Image("ami-00000002")));

        await RunAsync(plan, Real(guard));

        Assert.Equal([0, 1], guard.BeforeCalls.Select(c => c.DeregisteredBefore));
    }
}
