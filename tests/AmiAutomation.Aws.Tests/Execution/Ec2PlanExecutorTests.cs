using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Planning;
using Amazon.EC2.Model;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>Dry-run, calls, cap, cancellation and tolerated codes.</summary>
public sealed class Ec2PlanExecutorTests : PlanExecutorTestBase
{
    [Fact]
    public async Task ExecuteAsync_DryRunDeregister_SendsDryRunAndReportsWouldBeAllowed()
    {
        var plan = Plans.Of(Plans.Deregister(Image("ami-00000001")));

        var outcome = Assert.Single(await RunAsync(plan, new ExecutionOptions()));

        Assert.Equal(OutcomeStatus.DryRun, outcome.Status);
        Assert.Contains("would have been allowed", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal([new SnapshotOutcome("snap-00000001", 8, "dry-run")], outcome.Snapshots);
        var request = Assert.Single(Ec2.RequestsOf<DeregisterImageRequest>());
        Assert.True(request.DryRun);
        Assert.True(request.DeleteAssociatedSnapshots);
        Assert.Single(Ec2.Images);
    }

    [Fact]
    public async Task ExecuteAsync_DryRunUnauthorized_FailedWithThatCode()
    {
        Ec2.DryRunAnswer = "UnauthorizedOperation";

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(Image("ami-00000001"))), new ExecutionOptions()));

        Assert.Equal(OutcomeStatus.Failed, outcome.Status);
        Assert.Equal("UnauthorizedOperation", outcome.ErrorCode);
    }

    [Fact]
    public async Task ExecuteAsync_Deregister_SucceedsWithSnapshotOutcomesAndSizes()
    {
        var image = Image("ami-00000001", i => i.BlockDeviceMappings.Add(new BlockDeviceMapping { DeviceName = "/dev/sdb", Ebs = new EbsBlockDevice { SnapshotId = "snap-data", VolumeSize = 200 } }));

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(image)), Real()));

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        Assert.Equal([new SnapshotOutcome("snap-00000001", 8, "success"), new SnapshotOutcome("snap-data", 200, "success")], outcome.Snapshots);
        Assert.Contains("208 GiB", outcome.Detail, StringComparison.Ordinal);
        Assert.Empty(Ec2.Images);
        var request = Assert.Single(Ec2.RequestsOf<DeregisterImageRequest>());
        Assert.Null(request.DryRun);
    }

    [Fact]
    public async Task ExecuteAsync_Deprecate_SendsUtcDeprecateAt()
    {
        var at = new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.FromHours(2));

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deprecate(Image("ami-00000001"), at)), Real()));

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        var request = Assert.Single(Ec2.RequestsOf<EnableImageDeprecationRequest>());
        Assert.Equal(DateTimeKind.Utc, request.DeprecateAt!.Value.Kind);
        Assert.Equal(new DateTime(2026, 4, 1, 10, 0, 0, DateTimeKind.Utc), request.DeprecateAt);
        Assert.Equal(0, Ec2.Calls("DescribeImages"));
    }

    [Fact]
    public async Task ExecuteAsync_DryRunDeprecate_DryRunOutcome()
    {
        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deprecate(Image("ami-00000001"), Plans.PlannedAt.AddDays(1))), new ExecutionOptions()));

        Assert.Equal(OutcomeStatus.DryRun, outcome.Status);
        Assert.True(Assert.Single(Ec2.RequestsOf<EnableImageDeprecationRequest>()).DryRun);
    }

    [Fact]
    public async Task ExecuteAsync_SkipDecisions_ProduceNoOutcomeAndNoCalls()
    {
        var outcomes = await RunAsync(Plans.Of(Plans.Skip(Image("ami-00000001"))), Real());

        Assert.Empty(outcomes);
        Assert.Equal(0, Ec2.TotalCalls);
    }

    [Fact]
    public async Task ExecuteAsync_Cap_StopsDestructiveCallsButNotDeprecations()
    {
        var plan = Plans.Of(
            Plans.Deregister(Image("ami-00000001")),
            Plans.Deregister(Image("ami-00000002")),
            Plans.Deregister(Image("ami-00000003")),
            Plans.Deprecate(Image("ami-00000004"), Plans.PlannedAt.AddDays(1)));

        var outcomes = await RunAsync(plan, Real() with { MaxDestructiveActions = 2 });

        Assert.Equal([OutcomeStatus.Succeeded, OutcomeStatus.Succeeded, OutcomeStatus.NotStarted, OutcomeStatus.Succeeded], outcomes.Select(o => o.Status));
        Assert.Contains("cap of 2", outcomes[2].Detail, StringComparison.Ordinal);
        Assert.Equal(2, Ec2.Calls("DeregisterImage"));
    }

    [Fact]
    public async Task ExecuteAsync_CapCountsCallsNotSkips()
    {
        var inUse = Image("ami-00000001");
        Ec2.AddInstance("i-1", inUse.ImageId);
        var plan = Plans.Of(Plans.Deregister(inUse), Plans.Deregister(Image("ami-00000002")));

        var outcomes = await RunAsync(plan, Real() with { MaxDestructiveActions = 1 });

        Assert.Equal([OutcomeStatus.SkippedOnRecheck, OutcomeStatus.Succeeded], outcomes.Select(o => o.Status));
    }

    [Fact]
    public async Task ExecuteAsync_AlreadyCancelled_EverythingNotStartedNoCalls()
    {
        var plan = Plans.Of(Plans.Deregister(Image("ami-00000001")), Plans.Deprecate(Image("ami-00000002"), Plans.PlannedAt.AddDays(1)));

        var outcomes = await RunAsync(plan, Real(), new CancellationToken(true));

        Assert.All(outcomes, o => Assert.Equal(OutcomeStatus.NotStarted, o.Status));
        Assert.Equal(0, Ec2.TotalCalls);
    }

    [Fact]
    public async Task ExecuteAsync_CancelledMidRun_FinishesTheCallInFlightAndStartsNothingNew()
    {
        using var cts = new CancellationTokenSource();
        Ec2.OnCall = action =>
        {
            if (action == "DeregisterImage")
            {
                cts.Cancel();
            }
        };
        var plan = Plans.Of(Plans.Deregister(Image("ami-00000001")), Plans.Deregister(Image("ami-00000002")), Plans.Deregister(Image("ami-00000003")));

        var outcomes = await RunAsync(plan, Real(), cts.Token);

        Assert.Equal([OutcomeStatus.Succeeded, OutcomeStatus.NotStarted, OutcomeStatus.NotStarted], outcomes.Select(o => o.Status));
        Assert.Equal(1, Ec2.Calls("DeregisterImage"));
    }

    [Fact]
    public async Task ExecuteAsync_DeregisterSaysUnavailable_FailedNotCountedAsDeregistered()
    {
        Ec2.ErrorCodes["DeregisterImage"] = "InvalidAMIID.Unavailable";

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(Image("ami-00000001"))), Real()));

        Assert.Equal(OutcomeStatus.Failed, outcome.Status);
        Assert.Equal("InvalidAMIID.Unavailable", outcome.ErrorCode);
        Assert.DoesNotContain("already deregistered", outcome.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("InvalidAMIID.NotFound")]
    public async Task ExecuteAsync_DeregisterSaysAlreadyGone_SucceededWithNote(string code)
    {
        Ec2.ErrorCodes["DeregisterImage"] = code;

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(Image("ami-00000001"))), Real()));

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        Assert.Contains($"already deregistered ({code})", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_OtherDeregisterError_FailedWithCodeAndRunGoesOn()
    {
        Ec2.ErrorCodes["DeregisterImage"] = "AuthFailure";
        var plan = Plans.Of(Plans.Deregister(Image("ami-00000001")), Plans.Deprecate(Image("ami-00000002"), Plans.PlannedAt.AddDays(1)));

        var outcomes = await RunAsync(plan, Real());

        Assert.Equal(OutcomeStatus.Failed, outcomes[0].Status);
        Assert.Equal("AuthFailure", outcomes[0].ErrorCode);
        Assert.Equal(OutcomeStatus.Succeeded, outcomes[1].Status);
    }

    [Fact]
    public async Task ExecuteAsync_UnsupportedActionAndRegionMismatch_FailedWithoutCalls()
    {
        var image = Image("ami-00000001");
        var copy = Plans.Deregister(image) with { Action = DecisionAction.Copy, TargetRegion = "eu-west-1" };
        var elsewhere = Plans.Deregister(image, "eu-west-1");

        var outcomes = await RunAsync(Plans.Of(copy, elsewhere), Real());

        Assert.Equal([ExecutionErrorCodes.UnsupportedAction, ExecutionErrorCodes.RegionMismatch], outcomes.Select(o => o.ErrorCode));
        Assert.Equal(0, Ec2.TotalCalls);
    }

    [Fact]
    public async Task ExecuteAsync_DeprecateWithoutTime_Failed()
    {
        var decision = Plans.Deprecate(Image("ami-00000001"), Plans.PlannedAt) with { DeprecateAt = null };

        var outcome = Assert.Single(await RunAsync(Plans.Of(decision), Real()));

        Assert.Equal(ExecutionErrorCodes.MissingDeprecateAt, outcome.ErrorCode);
    }
}
