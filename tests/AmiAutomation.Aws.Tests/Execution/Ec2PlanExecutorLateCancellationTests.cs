using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Execution;
using Amazon.EC2.Model;
using NSubstitute;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>
/// The deadline fires while DeregisterImage is in flight (it is never cancelled once sent), and the step still has a read
/// to do after it: the image's outcome must say what EC2 answered — never "cancelled before the call was sent" — a
/// deregistered image must reach the after-deregistration guard (the ledger record), and nothing new starts.
/// </summary>
public sealed class Ec2PlanExecutorLateCancellationTests : PlanExecutorTestBase, IDisposable
{
    private const string First = "ami-00000001";
    private const string Second = "ami-00000002";
    private readonly CancellationTokenSource _deadline = new();
    private readonly RecordingGuard _guard = new();

    /// <summary>Two images with two snapshots each (snap-… 8 GiB, snap-data-… 100 GiB), launched long ago.</summary>
    private Core.Planning.Plan TwoImages()
    {
        Image Add(string id) => Image(id, i =>
        {
            i.LastLaunchedTime = "2024-01-01T00:00:00Z";
            i.BlockDeviceMappings.Add(new BlockDeviceMapping { DeviceName = "/dev/sdb", Ebs = new EbsBlockDevice { SnapshotId = "snap-data-" + id[4..], VolumeSize = 100 } });
        });
        return Plans.Of(Plans.Deregister(Add(First)), Plans.Deregister(Add(Second)));
    }

    public void Dispose() => _deadline.Dispose();

    [Fact]
    public async Task ExecuteAsync_CancelledDuringDeregisterThatReportsNoSnapshots_SucceededUnverifiedRecordedAndNothingNew()
    {
        var plan = TwoImages();
        Ec2.Client.DeregisterImageAsync(Arg.Any<DeregisterImageRequest>(), Arg.Any<CancellationToken>()).Returns(_ =>
        {
            _deadline.Cancel();
            return new DeregisterImageResponse { Return = true };
        });

        var outcomes = await RunAsync(plan, Real(_guard), _deadline.Token);

        Assert.Equal([OutcomeStatus.Succeeded, OutcomeStatus.NotStarted], outcomes.Select(o => o.Status));
        Assert.Equal(
            [new SnapshotOutcome("snap-00000001", 8, SnapshotOutcome.UnreportedUnverified), new SnapshotOutcome("snap-data-00000001", 100, SnapshotOutcome.UnreportedUnverified)],
            outcomes[0].Snapshots);
        Assert.StartsWith("EC2 reported no snapshot results; checked: deregistered; 2 of 2 snapshot(s) not deleted", outcomes[0].Detail, StringComparison.Ordinal);
        Assert.Equal("cancelled before it started (deadline approaching)", outcomes[1].Detail);
        var recorded = Assert.Single(_guard.AfterCalls);
        Assert.Equal((First, OutcomeStatus.Succeeded), (recorded.Context.ImageId, recorded.Outcome.Status));
        Assert.Single(Ec2.Client.ReceivedCalls(), c => c.GetMethodInfo().Name == nameof(Ec2.Client.DeregisterImageAsync));
        Assert.DoesNotContain(Ec2.Client.ReceivedCalls(), c => c.GetMethodInfo().Name == nameof(Ec2.Client.DescribeSnapshotsAsync));
    }

    [Fact]
    public async Task ExecuteAsync_CancelledDuringDeregisterThatAnswersUnavailable_FailedSayingTheReReadWasCancelled()
    {
        var plan = TwoImages();
        Ec2.ErrorCodes["DeregisterImage"] = "InvalidAMIID.Unavailable";
        Ec2.OnCall = action =>
        {
            if (action == "DeregisterImage")
            {
                _deadline.Cancel();
            }
        };

        var outcomes = await RunAsync(plan, Real(_guard), _deadline.Token);

        Assert.Equal([OutcomeStatus.Failed, OutcomeStatus.NotStarted], outcomes.Select(o => o.Status));
        Assert.Equal("InvalidAMIID.Unavailable", outcomes[0].ErrorCode);
        Assert.StartsWith("DeregisterImage failed: ", outcomes[0].Detail, StringComparison.Ordinal);
        Assert.EndsWith("; reading the image again failed (cancelled)", outcomes[0].Detail, StringComparison.Ordinal);
        Assert.Empty(_guard.AfterCalls);
        Assert.Equal(1, Ec2.Calls("DeregisterImage"));
        Assert.Equal(1, Ec2.Calls("DescribeImages"));
    }

    [Fact]
    public async Task ExecuteAsync_SnapshotLookupTimesOutAfterDeregistration_SucceededUnverifiedAndRecorded()
    {
        var plan = TwoImages();
        Ec2.Client.DeregisterImageAsync(Arg.Any<DeregisterImageRequest>(), Arg.Any<CancellationToken>())
            .Returns(new DeregisterImageResponse { Return = true });
        // The SDK's HTTP timeout: an OperationCanceledException although nobody cancelled the run.
        Ec2.Client.DescribeSnapshotsAsync(Arg.Any<DescribeSnapshotsRequest>(), Arg.Any<CancellationToken>())
            .Returns(Task.FromException<DescribeSnapshotsResponse>(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.")));

        var outcomes = await RunAsync(plan, Real(_guard));

        Assert.Equal([OutcomeStatus.Succeeded, OutcomeStatus.Succeeded], outcomes.Select(o => o.Status));
        Assert.All(outcomes.SelectMany(o => o.Snapshots), s => Assert.Equal(SnapshotOutcome.UnreportedUnverified, s.ReturnCode));
        Assert.Equal([First, Second], _guard.AfterCalls.Select(c => c.Context.ImageId));
    }

    [Fact]
    public async Task ExecuteAsync_ReReadAfterUnavailableTimesOut_FailedNamingTheTimeoutNotACancellation()
    {
        var plan = TwoImages();
        Ec2.ErrorCodes["DeregisterImage"] = "InvalidAMIID.Unavailable";
        var reads = 0;
        Ec2.OnCall = action =>
        {
            // Read 0 is the first image's re-check; read 1 the read after InvalidAMIID.Unavailable.
            if (action == "DescribeImages" && reads++ == 1)
            {
                throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.");
            }
        };

        var outcomes = await RunAsync(plan, Real(_guard), _deadline.Token);

        Assert.Equal(OutcomeStatus.Failed, outcomes[0].Status);
        Assert.Contains("HttpClient.Timeout", outcomes[0].Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("cancelled", outcomes[0].Detail, StringComparison.Ordinal);
        Assert.Empty(_guard.AfterCalls);
        Assert.Equal(2, Ec2.Calls("DeregisterImage"));
    }
}
