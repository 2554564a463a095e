using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Families;
using Amazon.EC2.Model;
using NSubstitute;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>The deregistration step's edges: EC2 that reports no snapshot results, InvalidAMIID.Unavailable, a refused or
/// false call, and a guard that fails first.</summary>
public sealed class Ec2PlanExecutorDeregistrationTests : PlanExecutorTestBase
{
    private const string Id = "ami-00000001";
    private readonly List<DescribeSnapshotsRequest> _snapshotReads = [];

    /// <summary>An image with two snapshots (snap-00000001 8 GiB, snap-data 100 GiB), launched long ago.</summary>
    private Image TwoSnapshots() => Image(Id, i =>
    {
        i.LastLaunchedTime = "2024-01-01T00:00:00Z";
        i.BlockDeviceMappings.Add(new BlockDeviceMapping { DeviceName = "/dev/sdb", Ebs = new EbsBlockDevice { SnapshotId = "snap-data", VolumeSize = 100 } });
    });

    /// <summary>DeregisterImage succeeds with the given snapshot results (null = none reported, as moto does).</summary>
    private void DeregisterAnswers(List<DeleteSnapshotReturnCode>? results, bool? returns = true) =>
        Ec2.Client.DeregisterImageAsync(Arg.Any<DeregisterImageRequest>(), Arg.Any<CancellationToken>())
            .Returns(new DeregisterImageResponse { Return = returns, DeleteSnapshotResults = results });

    /// <summary>DescribeSnapshots lists the given ids as still existing.</summary>
    private void SnapshotsStillThere(params string[] ids) =>
        Ec2.Client.DescribeSnapshotsAsync(Arg.Any<DescribeSnapshotsRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
        {
            _snapshotReads.Add(ci.Arg<DescribeSnapshotsRequest>());
            return new DescribeSnapshotsResponse { Snapshots = [.. ids.Select(id => new Snapshot { SnapshotId = id })] };
        });

    [Fact]
    public async Task ExecuteAsync_NoSnapshotResults_LooksEachUpAndReportsTheOneLeft()
    {
        var plan = Plans.Of(Plans.Deregister(TwoSnapshots()));
        DeregisterAnswers(null);
        SnapshotsStillThere("snap-data");

        var outcome = Assert.Single(await RunAsync(plan, Real()));

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        Assert.Equal(
            [new SnapshotOutcome("snap-00000001", 8, SnapshotOutcome.UnreportedGone), new SnapshotOutcome("snap-data", 100, SnapshotOutcome.UnreportedStillExists)],
            outcome.Snapshots);
        Assert.Equal("EC2 reported no snapshot results; checked: deregistered; 1 of 2 snapshot(s) not deleted: snap-data unreported-still-exists", outcome.Detail);
        Assert.Single(_snapshotReads);
    }

    [Fact]
    public async Task ExecuteAsync_NoSnapshotResultsAndLookupFails_SnapshotsUnverified()
    {
        var plan = Plans.Of(Plans.Deregister(TwoSnapshots()));
        DeregisterAnswers(null);
        Ec2.Client.DescribeSnapshotsAsync(Arg.Any<DescribeSnapshotsRequest>(), Arg.Any<CancellationToken>())
            .Returns(Task.FromException<DescribeSnapshotsResponse>(Ec2Exceptions.Code("UnauthorizedOperation")));

        var outcome = Assert.Single(await RunAsync(plan, Real()));

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        Assert.All(outcome.Snapshots, s => Assert.Equal(SnapshotOutcome.UnreportedUnverified, s.ReturnCode));
        Assert.Equal(2, outcome.Snapshots.Count);
        Assert.Contains("2 of 2 snapshot(s) not deleted: snap-00000001 unreported-unverified, snap-data unreported-unverified", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ImageWithoutSnapshotsAndNoResults_NoLookup()
    {
        var plan = Plans.Of(Plans.Deregister(Image(Id, i =>
        {
            i.LastLaunchedTime = "2024-01-01T00:00:00Z";
            i.BlockDeviceMappings = [];
        })));
        DeregisterAnswers(null);
        SnapshotsStillThere();

        var outcome = Assert.Single(await RunAsync(plan, Real()));

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        Assert.Equal("deregistered; EC2 reported no snapshot results", outcome.Detail);
        Assert.Empty(_snapshotReads);
    }

    [Fact]
    public async Task ExecuteAsync_DryRunOrReportedResults_NoSnapshotLookup()
    {
        SnapshotsStillThere("snap-00000001");
        var dryRun = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(TwoSnapshots())), new ExecutionOptions()));
        DeregisterAnswers([new DeleteSnapshotReturnCode { SnapshotId = "snap-00000001", ReturnCode = Amazon.EC2.SnapshotReturnCodes.Success }, new DeleteSnapshotReturnCode { SnapshotId = "snap-data" }]);

        var real = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(Ec2.Images[0])), Real()));

        Assert.Equal(OutcomeStatus.DryRun, dryRun.Status);
        Assert.Equal(OutcomeStatus.Succeeded, real.Status);
        Assert.Equal([new SnapshotOutcome("snap-00000001", 8, "success"), new SnapshotOutcome("snap-data", 100, "unknown")], real.Snapshots);
        Assert.Equal("deregistered; 1 of 2 snapshot(s) not deleted: snap-data unknown", real.Detail);
        Assert.Empty(_snapshotReads);
    }

    [Fact]
    public async Task ExecuteAsync_UnavailableButStillListed_FailedSayingItIsStillThere()
    {
        Ec2.ErrorCodes["DeregisterImage"] = "InvalidAMIID.Unavailable";

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(TwoSnapshots())), Real()));

        Assert.Equal(OutcomeStatus.Failed, outcome.Status);
        Assert.EndsWith("; the image is still there (available)", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_UnavailableAndNoLongerListed_AlreadyDeregisteredNoSnapshotLookup()
    {
        Ec2.ErrorCodes["DeregisterImage"] = "InvalidAMIID.Unavailable";
        Ec2.OnCall = action =>
        {
            if (action == "DeregisterImage")
            {
                Ec2.Images.Clear();
            }
        };

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(TwoSnapshots())), Real()));

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        Assert.Equal("already deregistered (InvalidAMIID.Unavailable, and no longer listed); nothing to do", outcome.Detail);
        Assert.Empty(outcome.Snapshots);
        Assert.Null(Ec2.RequestsOf<DescribeSnapshotsRequest>().FirstOrDefault());
    }

    [Fact]
    public async Task ExecuteAsync_UnavailableAndReReadFails_FailedSayingTheReadFailed()
    {
        Ec2.ErrorCodes["DeregisterImage"] = "InvalidAMIID.Unavailable";
        Ec2.Faults.Add(new Fault("DescribeImages", 1, FaultKind.Unauthorized));

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(TwoSnapshots())), Real()));

        Assert.Equal(OutcomeStatus.Failed, outcome.Status);
        Assert.Contains("; reading the image again failed (UnauthorizedOperation", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_DeregisterRefused_FailedAndGuardAfterNotCalled()
    {
        var guard = new RecordingGuard();
        Ec2.ErrorCodes["DeregisterImage"] = "UnauthorizedOperation";

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(TwoSnapshots())), Real(guard)));

        Assert.Equal((OutcomeStatus.Failed, "UnauthorizedOperation"), (outcome.Status, outcome.ErrorCode));
        Assert.StartsWith("DeregisterImage failed: ", outcome.Detail, StringComparison.Ordinal);
        Assert.Single(guard.BeforeCalls);
        Assert.Empty(guard.AfterCalls);
    }

    [Fact]
    public async Task ExecuteAsync_DeregisterReturnsFalse_Failed()
    {
        DeregisterAnswers(null, returns: false);

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(TwoSnapshots())), Real()));

        Assert.Equal((OutcomeStatus.Failed, ExecutionErrorCodes.ReturnFalse, "DeregisterImage returned false"), (outcome.Status, outcome.ErrorCode, outcome.Detail));
    }

    [Fact]
    public async Task ExecuteAsync_GuardBeforeThrows_FailedNamingTheHook()
    {
        var guard = new RecordingGuard { Before = _ => throw new InvalidOperationException("ledger down") };

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(TwoSnapshots())), Real(guard)));

        Assert.Equal((OutcomeStatus.Failed, ExecutionErrorCodes.GuardFailed), (outcome.Status, outcome.ErrorCode));
        Assert.Equal("before-deregistration hook failed (InvalidOperationException: ledger down); not deregistered", outcome.Detail);
        Assert.Equal(0, Ec2.Calls("DeregisterImage"));
    }

    [Fact]
    public async Task ExecuteAsync_FamilyRecountCannotRead_FailedNotSkipped()
    {
        Ec2.Faults.Add(new Fault("DescribeImages", 1, FaultKind.Unauthorized));
        var options = Real() with { FamilyRecount = new FamilyKeepRule(FamilyResolver.Default, 1) };

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(TwoSnapshots())), options));

        Assert.Equal((OutcomeStatus.Failed, "UnauthorizedOperation"), (outcome.Status, outcome.ErrorCode));
        Assert.StartsWith("family re-count failed at DescribeImages: ", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(0, Ec2.Calls("DeregisterImage"));
    }

    [Fact]
    public async Task ExecuteAsync_FamilyListingLoops_FailedNamingTheCall()
    {
        // Call 0 is the re-check's read of the image; call 1 the family re-count's first listing.
        Ec2.Faults.Add(new Fault("DescribeImages", 1, FaultKind.RepeatedToken));
        var options = Real() with { FamilyRecount = new FamilyKeepRule(FamilyResolver.Default, 1) };

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(TwoSnapshots())), options));

        Assert.Equal((OutcomeStatus.Failed, "PagingTruncatedException"), (outcome.Status, outcome.ErrorCode));
        Assert.StartsWith("family re-count failed: DescribeImages returned the NextToken ", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(0, Ec2.Calls("DeregisterImage"));
    }
}
