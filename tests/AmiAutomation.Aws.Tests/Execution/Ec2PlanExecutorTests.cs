using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Protection;
using AmiAutomation.Core.Tagging;
using Amazon.EC2.Model;
using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Aws.Tests.Execution;

public sealed class Ec2PlanExecutorTests
{
    private readonly FakeEc2 _ec2 = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero));

    private static ExecutionOptions Real(IDeregistrationGuard? guard = null) =>
        new() { DryRun = false, Guard = guard ?? DeregistrationGuard.None };

    private Task<IReadOnlyList<ActionOutcome>> RunAsync(Plan plan, ExecutionOptions options, CancellationToken cancellationToken = default) =>
        new Ec2PlanExecutor(new FixedEc2ClientFactory(_ec2.Client), TestLimits.Registry(), _time).ExecuteAsync(plan, options, cancellationToken);

    private Image Image(string id, Action<Image>? configure = null) => _ec2.AddImage(id, configure);

    [Fact]
    public async Task ExecuteAsync_DryRunDeregister_SendsDryRunAndReportsWouldBeAllowed()
    {
        var plan = Plans.Of(Plans.Deregister(Image("ami-00000001")));

        var outcome = Assert.Single(await RunAsync(plan, new ExecutionOptions()));

        Assert.Equal(OutcomeStatus.DryRun, outcome.Status);
        Assert.Contains("would have been allowed", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal([new SnapshotOutcome("snap-00000001", 8, "dry-run")], outcome.Snapshots);
        var request = Assert.Single(_ec2.RequestsOf<DeregisterImageRequest>());
        Assert.True(request.DryRun);
        Assert.True(request.DeleteAssociatedSnapshots);
        Assert.Single(_ec2.Images);
    }

    [Fact]
    public async Task ExecuteAsync_DryRunUnauthorized_FailedWithThatCode()
    {
        _ec2.DryRunAnswer = "UnauthorizedOperation";

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(Image("ami-00000001"))), new ExecutionOptions()));

        Assert.Equal(OutcomeStatus.Failed, outcome.Status);
        Assert.Equal("UnauthorizedOperation", outcome.ErrorCode);
    }

    [Fact]
    public async Task ExecuteAsync_DryRun_NeverCallsTheGuard()
    {
        var guard = new RecordingGuard();

        await RunAsync(Plans.Of(Plans.Deregister(Image("ami-00000001"))), new ExecutionOptions { Guard = guard });

        Assert.Empty(guard.BeforeCalls);
        Assert.Empty(guard.AfterCalls);
    }

    [Fact]
    public async Task ExecuteAsync_Deregister_SucceedsWithSnapshotOutcomesAndSizes()
    {
        var image = Image("ami-00000001", i => i.BlockDeviceMappings.Add(new BlockDeviceMapping { DeviceName = "/dev/sdb", Ebs = new EbsBlockDevice { SnapshotId = "snap-data", VolumeSize = 200 } }));

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(image)), Real()));

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        Assert.Equal([new SnapshotOutcome("snap-00000001", 8, "success"), new SnapshotOutcome("snap-data", 200, "success")], outcome.Snapshots);
        Assert.Contains("208 GiB", outcome.Detail, StringComparison.Ordinal);
        Assert.Empty(_ec2.Images);
        var request = Assert.Single(_ec2.RequestsOf<DeregisterImageRequest>());
        Assert.Null(request.DryRun);
    }

    [Fact]
    public async Task ExecuteAsync_Deprecate_SendsUtcDeprecateAt()
    {
        var at = new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.FromHours(2));

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deprecate(Image("ami-00000001"), at)), Real()));

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        var request = Assert.Single(_ec2.RequestsOf<EnableImageDeprecationRequest>());
        Assert.Equal(DateTimeKind.Utc, request.DeprecateAt!.Value.Kind);
        Assert.Equal(new DateTime(2026, 4, 1, 10, 0, 0, DateTimeKind.Utc), request.DeprecateAt);
        Assert.Equal(0, _ec2.Calls("DescribeImages"));
    }

    [Fact]
    public async Task ExecuteAsync_DryRunDeprecate_DryRunOutcome()
    {
        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deprecate(Image("ami-00000001"), Plans.PlannedAt.AddDays(1))), new ExecutionOptions()));

        Assert.Equal(OutcomeStatus.DryRun, outcome.Status);
        Assert.True(Assert.Single(_ec2.RequestsOf<EnableImageDeprecationRequest>()).DryRun);
    }

    [Fact]
    public async Task ExecuteAsync_SkipDecisions_ProduceNoOutcomeAndNoCalls()
    {
        var outcomes = await RunAsync(Plans.Of(Plans.Skip(Image("ami-00000001"))), Real());

        Assert.Empty(outcomes);
        Assert.Equal(0, _ec2.TotalCalls);
    }

    [Fact]
    public async Task ExecuteAsync_NowUsedByAnInstance_SkippedOnRecheckAndNotDeregistered()
    {
        var plan = Plans.Of(Plans.Deregister(Image("ami-00000001")));
        _ec2.AddInstance("i-new", "ami-00000001");

        var outcome = Assert.Single(await RunAsync(plan, Real()));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains("i-new", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(0, _ec2.Calls("DeregisterImage"));
        var instances = Assert.Single(_ec2.RequestsOf<DescribeInstancesRequest>());
        Assert.Equal(["ami-00000001"], instances.Filters.Single(f => f.Name == "image-id").Values);
    }

    [Fact]
    public async Task ExecuteAsync_NowReferencedBySsmParameter_SkippedOnRecheck()
    {
        var plan = Plans.Of(Plans.Deregister(Image("ami-00000001")));
        _ec2.References.Add(new Amazon.EC2.Model.ImageReference { ImageId = "ami-00000001", ResourceType = "ssm:Parameter", Arn = "arn:ssm:golden" });

        var outcome = Assert.Single(await RunAsync(plan, Real()));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains("arn:ssm:golden", outcome.Detail, StringComparison.Ordinal);
        var request = Assert.Single(_ec2.RequestsOf<DescribeImageReferencesRequest>());
        Assert.Equal(["ami-00000001"], request.ImageIds);
        Assert.True(request.IncludeAllResourceTypes);
    }

    [Fact]
    public async Task ExecuteAsync_KeepTagAddedAfterPlanning_SkippedOnRecheck()
    {
        var image = Image("ami-00000001");
        var plan = Plans.Of(Plans.Deregister(image));
        image.Tags = [new Tag(TagNames.Keep, "true")];

        var outcome = Assert.Single(await RunAsync(plan, Real()));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains(nameof(ReasonCode.KeepTag), outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ProtectionEnabledAfterPlanning_SkippedOnRecheck()
    {
        var image = Image("ami-00000001");
        var plan = Plans.Of(Plans.Deregister(image));
        image.DeregistrationProtection = "enabled-with-cooldown";

        var outcome = Assert.Single(await RunAsync(plan, Real()));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains(nameof(ReasonCode.DeregistrationProtected), outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ImageGoneSincePlanning_SkippedOnRecheck()
    {
        var image = Image("ami-00000001");
        var plan = Plans.Of(Plans.Deregister(image));
        _ec2.Images.Remove(image);

        var outcome = Assert.Single(await RunAsync(plan, Real()));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Equal("image no longer exists", outcome.Detail);
    }

    [Fact]
    public async Task ExecuteAsync_StateChangedSincePlanning_SkippedOnRecheck()
    {
        var image = Image("ami-00000001");
        var plan = Plans.Of(Plans.Deregister(image));
        image.State = Amazon.EC2.ImageState.Disabled;

        var outcome = Assert.Single(await RunAsync(plan, Real()));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains("state changed from Available to Disabled", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_DeprecationCancelledSincePlanning_SkippedOnRecheck()
    {
        var image = Image("ami-00000001", i => i.DeprecationTime = "2025-12-01T00:00:00Z");
        var plan = Plans.Of(Plans.Deregister(image));
        image.DeprecationTime = null;

        var outcome = Assert.Single(await RunAsync(plan, Real()));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains("deprecation was cancelled", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_LaunchedSincePlanningPerAttribute_SkippedOnRecheck()
    {
        var plan = Plans.Of(Plans.Deregister(Image("ami-00000001")));
        _ec2.LastLaunched["ami-00000001"] = "2026-02-28T23:00:00Z";

        var outcome = Assert.Single(await RunAsync(plan, Real()));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains("launched at 2026-02-28T23:00:00.000Z since planning", outcome.Detail, StringComparison.Ordinal);
        Assert.Contains(_ec2.RequestsOf<DescribeImageAttributeRequest>(), r => r.Attribute == Amazon.EC2.ImageAttributeName.LastLaunchedTime);
    }

    [Fact]
    public async Task ExecuteAsync_RecentLaunchWindow_ProtectsRecentlyLaunchedImage()
    {
        var image = Image("ami-00000001", i => i.LastLaunchedTime = "2026-02-20T00:00:00Z");
        var options = Real() with { Protection = new ProtectionOptions { RecentLaunchWindow = TimeSpan.FromDays(30) } };

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(image)), options));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains(nameof(ReasonCode.RecentlyLaunched), outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(0, _ec2.RequestsOf<DescribeImageAttributeRequest>().Count(r => r.Attribute == Amazon.EC2.ImageAttributeName.LastLaunchedTime));
    }

    [Fact]
    public async Task ExecuteAsync_NotOwnedByTheConfiguredAccount_SkippedOnRecheck()
    {
        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(Image("ami-00000001"))), Real() with { AccountId = "999988887777" }));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains(nameof(ReasonCode.NotOwned), outcome.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DescribeImageReferences", FaultKind.NotImplemented, "HTTP500")]
    [InlineData("DescribeInstances", FaultKind.Throttled, "RequestLimitExceeded")]
    [InlineData("DescribeImageAttribute", FaultKind.Unauthorized, "UnauthorizedOperation")]
    [InlineData("DescribeImages", FaultKind.Network, "HttpRequestException")]
    public async Task ExecuteAsync_RecheckCannotComplete_FailedAndNotDeregistered(string action, FaultKind kind, string code)
    {
        _ec2.Faults.Add(new Fault(action, 0, kind));

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(Image("ami-00000001"))), Real()));

        Assert.Equal(OutcomeStatus.Failed, outcome.Status);
        Assert.Equal(code, outcome.ErrorCode);
        Assert.Contains("not deregistered", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(0, _ec2.Calls("DeregisterImage"));
    }

    [Fact]
    public async Task ExecuteAsync_DisabledRecheckSources_AreNotCalled()
    {
        var options = Real() with
        {
            DisabledRecheckSources = new HashSet<InventorySource> { InventorySource.ImageReferences, InventorySource.LastLaunchedTime },
        };

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(Image("ami-00000001"))), options));

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        Assert.Equal(0, _ec2.Calls("DescribeImageReferences"));
        Assert.Equal(1, _ec2.Calls("DescribeImageAttribute"));
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
        Assert.Equal(2, _ec2.Calls("DeregisterImage"));
    }

    [Fact]
    public async Task ExecuteAsync_CapCountsCallsNotSkips()
    {
        var inUse = Image("ami-00000001");
        _ec2.AddInstance("i-1", inUse.ImageId);
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
        Assert.Equal(0, _ec2.TotalCalls);
    }

    [Fact]
    public async Task ExecuteAsync_CancelledMidRun_FinishesTheCallInFlightAndStartsNothingNew()
    {
        using var cts = new CancellationTokenSource();
        _ec2.OnCall = action =>
        {
            if (action == "DeregisterImage")
            {
                cts.Cancel();
            }
        };
        var plan = Plans.Of(Plans.Deregister(Image("ami-00000001")), Plans.Deregister(Image("ami-00000002")), Plans.Deregister(Image("ami-00000003")));

        var outcomes = await RunAsync(plan, Real(), cts.Token);

        Assert.Equal([OutcomeStatus.Succeeded, OutcomeStatus.NotStarted, OutcomeStatus.NotStarted], outcomes.Select(o => o.Status));
        Assert.Equal(1, _ec2.Calls("DeregisterImage"));
    }

    [Fact]
    public async Task ExecuteAsync_CancelledDuringRecheck_NotStarted()
    {
        using var cts = new CancellationTokenSource();
        _ec2.OnCall = action =>
        {
            if (action == "DescribeImageReferences")
            {
                cts.Cancel();
            }
        };

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(Image("ami-00000001"))), Real(), cts.Token));

        Assert.Equal(OutcomeStatus.NotStarted, outcome.Status);
        Assert.Equal(0, _ec2.Calls("DeregisterImage"));
    }

    [Theory]
    [InlineData("InvalidAMIID.NotFound")]
    [InlineData("InvalidAMIID.Unavailable")]
    public async Task ExecuteAsync_DeregisterSaysAlreadyGone_SucceededWithNote(string code)
    {
        _ec2.ErrorCodes["DeregisterImage"] = code;

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(Image("ami-00000001"))), Real()));

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        Assert.Contains($"already deregistered ({code})", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_OtherDeregisterError_FailedWithCodeAndRunGoesOn()
    {
        _ec2.ErrorCodes["DeregisterImage"] = "AuthFailure";
        var plan = Plans.Of(Plans.Deregister(Image("ami-00000001")), Plans.Deprecate(Image("ami-00000002"), Plans.PlannedAt.AddDays(1)));

        var outcomes = await RunAsync(plan, Real());

        Assert.Equal(OutcomeStatus.Failed, outcomes[0].Status);
        Assert.Equal("AuthFailure", outcomes[0].ErrorCode);
        Assert.Equal(OutcomeStatus.Succeeded, outcomes[1].Status);
    }

    [Fact]
    public async Task ExecuteAsync_GuardBefore_SeesTheReReadImageWithLaunchPermissions()
    {
        var guard = new RecordingGuard();
        var image = Image("ami-00000001");
        var plan = Plans.Of(Plans.Deregister(image));
        image.Tags = [new Tag("team", "web")];
        _ec2.Permissions["ami-00000001"] = [new Amazon.EC2.Model.LaunchPermission { UserId = "444455556666" }];

        await RunAsync(plan, Real(guard));

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
        Assert.Equal(["ami-00000002"], _ec2.RequestsOf<DeregisterImageRequest>().Select(r => r.ImageId));
    }

    [Fact]
    public async Task ExecuteAsync_GuardBeforeSkips_SkippedOnRecheckWithReason()
    {
        var guard = new RecordingGuard { Before = _ => GuardVerdict.Skip("pinned by the release calendar") };

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(Image("ami-00000001"))), Real(guard)));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Equal("pinned by the release calendar", outcome.Detail);
        Assert.Equal(0, _ec2.Calls("DeregisterImage"));
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
        Assert.Equal(1, _ec2.Calls("DeregisterImage"));
        Assert.Equal(0, _ec2.Calls("EnableImageDeprecation"));
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
        Assert.Equal(0, _ec2.Calls("DeregisterImage"));
    }

    [Fact]
    public async Task ExecuteAsync_ContextCountsEarlierDeregistrations()
    {
        var guard = new RecordingGuard();
        var plan = Plans.Of(Plans.Deregister(Image("ami-00000001")), Plans.Deregister(Image("ami-00000002")));

        await RunAsync(plan, Real(guard));

        Assert.Equal([0, 1], guard.BeforeCalls.Select(c => c.DeregisteredBefore));
    }

    [Fact]
    public async Task ExecuteAsync_UnsupportedActionAndRegionMismatch_FailedWithoutCalls()
    {
        var image = Image("ami-00000001");
        var copy = Plans.Deregister(image) with { Action = DecisionAction.Copy, TargetRegion = "eu-west-1" };
        var elsewhere = Plans.Deregister(image, "eu-west-1");

        var outcomes = await RunAsync(Plans.Of(copy, elsewhere), Real());

        Assert.Equal([ExecutionErrorCodes.UnsupportedAction, ExecutionErrorCodes.RegionMismatch], outcomes.Select(o => o.ErrorCode));
        Assert.Equal(0, _ec2.TotalCalls);
    }

    [Fact]
    public async Task ExecuteAsync_DeprecateWithoutTime_Failed()
    {
        var decision = Plans.Deprecate(Image("ami-00000001"), Plans.PlannedAt) with { DeprecateAt = null };

        var outcome = Assert.Single(await RunAsync(Plans.Of(decision), Real()));

        Assert.Equal(ExecutionErrorCodes.MissingDeprecateAt, outcome.ErrorCode);
    }
}
