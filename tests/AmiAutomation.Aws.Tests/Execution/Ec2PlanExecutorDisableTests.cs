using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Protection;
using Amazon.EC2.Model;
using NSubstitute;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>The disable step: dry run, the guard that must record the launch permissions first, the cap, the call's
/// answers, and a re-check that refuses.</summary>
public sealed class Ec2PlanExecutorDisableTests : PlanExecutorTestBase
{
    private readonly List<DisableImageRequest> _requests = [];
    private string? _errorCode;
    private bool _return = true;

    public Ec2PlanExecutorDisableTests()
    {
        Ec2.Client.DisableImageAsync(Arg.Any<DisableImageRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
        {
            var request = ci.Arg<DisableImageRequest>();
            _requests.Add(request);
            return request.DryRun == true
                ? Task.FromException<DisableImageResponse>(Ec2Exceptions.Code("DryRunOperation", System.Net.HttpStatusCode.PreconditionFailed))
                : _errorCode is { } code
                    ? Task.FromException<DisableImageResponse>(Ec2Exceptions.Code(code))
                    : Task.FromResult(new DisableImageResponse { Return = _return });
        });
    }

    private Decision Disable(string imageId, Action<Image>? configure = null)
    {
        var image = Image(imageId, i =>
        {
            i.LastLaunchedTime = "2024-01-01T00:00:00Z";
            configure?.Invoke(i);
        });
        Ec2.Permissions[imageId] = [new LaunchPermission { UserId = "111111111111" }, new LaunchPermission { UserId = "222222222222" }];
        return Plans.Deregister(image) with { Action = DecisionAction.Disable };
    }

    /// <summary>Shared images allowed: disabling them (and recording their launch permissions) is what the step is for.</summary>
    private static readonly ProtectionOptions Sharing = new() { SharedImages = SharedImageRule.Allow };

    private static ExecutionOptions RealWith(IDisableGuard guard) => Real() with { DisableGuard = guard, AccountId = "123456789012", Protection = Sharing };

    [Fact]
    public async Task ExecuteAsync_DryRunDisable_SendsDryRunAndNeverAsksGuard()
    {
        var guard = new RecordingDisableGuard();

        var outcome = Assert.Single(await RunAsync(Plans.Of(Disable("ami-00000001")), new ExecutionOptions { DisableGuard = guard, Protection = Sharing }));

        Assert.Equal(OutcomeStatus.DryRun, outcome.Status);
        Assert.Equal("would have been allowed: disable (2 launch permission(s) to record)", outcome.Detail);
        var request = Assert.Single(_requests);
        Assert.Equal(("ami-00000001", true), (request.ImageId, request.DryRun));
        Assert.Empty(guard.BeforeCalls);
        Assert.Empty(guard.AfterCalls);
    }

    [Fact]
    public async Task ExecuteAsync_RealDisable_GuardRecordsFirstAndCapCountsCalls()
    {
        var guard = new RecordingDisableGuard();
        var plan = Plans.Of(Disable("ami-00000001"), Disable("ami-00000002"), Disable("ami-00000003"));

        var outcomes = await RunAsync(plan, RealWith(guard) with { MaxDestructiveActions = 2 });

        Assert.Equal([OutcomeStatus.Succeeded, OutcomeStatus.Succeeded, OutcomeStatus.NotStarted], outcomes.Select(o => o.Status));
        Assert.Equal("disabled; 2 launch permission(s) recorded in the ledger", outcomes[0].Detail);
        Assert.Contains("cap of 2", outcomes[2].Detail, StringComparison.Ordinal);
        Assert.All(_requests, r => Assert.Null(r.DryRun));
        Assert.Equal(["ami-00000001", "ami-00000002"], _requests.Select(r => r.ImageId));
        Assert.Equal([0, 1], guard.BeforeCalls.Select(c => c.DeregisteredBefore));
        Assert.Equal(2, guard.BeforeCalls[0].Current.LaunchPermissions!.Count);
        Assert.Equal([OutcomeStatus.Succeeded, OutcomeStatus.Succeeded], guard.AfterCalls.Select(c => c.Outcome.Status));
    }

    [Fact]
    public async Task ExecuteAsync_DefaultGuard_RefusesEveryRealDisable()
    {
        var outcome = Assert.Single(await RunAsync(Plans.Of(Disable("ami-00000001")), Real() with { Protection = Sharing }));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Equal("no disable guard configured to record the launch permissions: not disabled", outcome.Detail);
        Assert.Empty(_requests);
    }

    [Fact]
    public async Task ExecuteAsync_GuardThrowsOrStops_NotDisabled()
    {
        var plan = Plans.Of(Disable("ami-00000001"), Disable("ami-00000002"));
        var throwing = new RecordingDisableGuard { Before = _ => throw new InvalidOperationException("ledger down") };
        var stopping = new RecordingDisableGuard { Before = _ => GuardVerdict.Stop("ledger full") };

        var failed = (await RunAsync(plan, RealWith(throwing)))[0];
        var stopped = (await RunAsync(plan, RealWith(stopping)))[0];

        Assert.Equal(OutcomeStatus.Failed, failed.Status);
        Assert.Equal("before-disable hook failed (InvalidOperationException: ledger down); not disabled", failed.Detail);
        Assert.Equal(OutcomeStatus.NotStarted, stopped.Status);
        Assert.Equal("run stopped before this image: ledger full", stopped.Detail);
        Assert.Empty(_requests);
    }

    [Fact]
    public async Task ExecuteAsync_ImageAlreadyDisabledAtPlanning_SkippedNotAvailable()
    {
        var decision = Disable("ami-00000001", i => i.State = Amazon.EC2.ImageState.Disabled);

        var outcome = Assert.Single(await RunAsync(Plans.Of(decision), RealWith(new RecordingDisableGuard())));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Equal("image is disabled now, not available; not disabled", outcome.Detail);
        Assert.Empty(_requests);
    }

    [Fact]
    public async Task ExecuteAsync_DisableReturnsFalseOrFails_Failed()
    {
        var guard = new RecordingDisableGuard();
        _return = false;
        var returnedFalse = Assert.Single(await RunAsync(Plans.Of(Disable("ami-00000001")), RealWith(guard)));
        _errorCode = "UnauthorizedOperation";
        var refused = Assert.Single(await RunAsync(Plans.Of(Disable("ami-00000002")), RealWith(guard)));

        Assert.Equal((OutcomeStatus.Failed, ExecutionErrorCodes.ReturnFalse, "DisableImage returned false"), (returnedFalse.Status, returnedFalse.ErrorCode, returnedFalse.Detail));
        Assert.Equal((OutcomeStatus.Failed, "UnauthorizedOperation"), (refused.Status, refused.ErrorCode));
        Assert.StartsWith("DisableImage failed: ", refused.Detail, StringComparison.Ordinal);
        Assert.Empty(guard.AfterCalls);
    }

    [Fact]
    public async Task ExecuteAsync_AfterHookThrows_DisabledAndRecordPending()
    {
        var guard = new RecordingDisableGuard { After = (_, _) => throw new InvalidOperationException("confirm failed") };

        var outcome = Assert.Single(await RunAsync(Plans.Of(Disable("ami-00000001")), RealWith(guard)));

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        Assert.EndsWith("; the disable record could not be confirmed (InvalidOperationException: confirm failed): it stays pending", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_RecheckFails_FailedSayingNotDisabled()
    {
        Ec2.Faults.Add(new Fault("DescribeImages", 0, FaultKind.Unauthorized));

        var outcome = Assert.Single(await RunAsync(Plans.Of(Disable("ami-00000001")), RealWith(new RecordingDisableGuard())));

        Assert.Equal(OutcomeStatus.Failed, outcome.Status);
        Assert.StartsWith("re-check failed at DescribeImages: ", outcome.Detail, StringComparison.Ordinal);
        Assert.EndsWith("; not disabled", outcome.Detail, StringComparison.Ordinal);
        Assert.Empty(_requests);
    }
}
