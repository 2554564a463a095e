using AmiAutomation.Core.Restore;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Copy;
using AmiAutomation.Functions.Restore;
using static AmiAutomation.Lambda.Tests.Support.SimulatedStack;

namespace AmiAutomation.Lambda.Tests.Iam;

/// <summary>
/// Each path <see cref="LockstepScenarios"/> drives did what it is there for, so the calls the lockstep checks are
/// those of that path (a dry run that found nothing to do, or a failure injected where nothing called, would check
/// less than it claims).
/// </summary>
[Collection(LockstepCollection.Name)]
public sealed class LockstepPathsTests(LockstepScenarios scenarios)
{
    [Theory]
    [InlineData("deprecate dry run")]
    [InlineData("expire dry run")]
    public void DryRunSweeps_PlannedWorkAndChangedNothing(string scenario)
    {
        var sweep = scenarios.Output<RunSummary>(scenario);
        Assert.True(sweep.DryRun);
        Assert.Empty(sweep.FailedSources);
        Assert.True(sweep.Outcomes.GetValueOrDefault(OutcomeNames.DryRun) > 0, $"{scenario} had nothing to do: {Outcomes(sweep)}");
        Assert.Equal(0, sweep.Outcomes.GetValueOrDefault(OutcomeNames.Succeeded));
    }

    [Fact]
    public void ExpireWithAFailedReferenceSource_FailedClosed()
    {
        var sweep = scenarios.Output<RunSummary>("expire, reference source failed");
        Assert.NotEmpty(sweep.FailedSources);
        Assert.Equal(0, sweep.Deregistration?.Deregistered ?? 0);
    }

    [Fact]
    public void ExpireWithDeregisterImageRefused_ReportedTheFailure()
    {
        var sweep = scenarios.Output<RunSummary>("expire, DeregisterImage refused");
        Assert.Empty(sweep.FailedSources);
        Assert.Contains(sweep.Decisions, d => d.Outcome == OutcomeNames.Failed && d.ErrorCode == "UnauthorizedOperation");
    }

    [Fact]
    public void CopyDryRun_StartedNothing()
    {
        var copy = scenarios.Output<CopyOutput>("copy dry run");
        Assert.Equal(1, copy.Counts.DryRun);
        Assert.Equal(0, copy.Counts.Started);
    }

    [Fact]
    public void EncryptedCopy_StartedWithTheRegionsKey()
    {
        var copy = scenarios.Output<CopyOutput>("copy encrypted with a KMS key");
        Assert.Equal(1, copy.Counts.Started);
        var newImage = scenarios.Stack.Ec2.ListImages(UsEast).Single(i => i.SourceImageId == scenarios.EncryptedSource);
        Assert.All(newImage.BlockDeviceMappings, d => Assert.Equal(LockstepScenarios.CopyKey, d.Ebs.KmsKeyId));
    }

    [Fact]
    public void FailedCopyStart_WasRetriedByTheReconciler()
    {
        Assert.Equal(0, scenarios.Output<CopyOutput>("copy start failed").Counts.Started);
        Assert.Equal(1, scenarios.Output<CopyOutput>("copy reconcile retries the failed start").Counts.Started);
        Assert.Contains(scenarios.Stack.Ec2.ListImages(UsEast), i => i.SourceImageId == scenarios.RetriedSource);
    }

    [Fact]
    public void RestoreByName_ThrottledThenResumed()
    {
        var throttled = scenarios.Output<RestoreOutput>("restore by name, throttled");
        var resumed = scenarios.Output<RestoreOutput>("restore by name, called again");
        Assert.Equal("partial", throttled.Status);
        Assert.Contains(throttled.Steps!, s => s.Detail?.Contains("RequestLimitExceeded", StringComparison.Ordinal) == true);
        Assert.Equal("restored", resumed.Status);
        Assert.Equal(scenarios.ExpiredByName, resumed.ImageId);
    }

    [Fact]
    public void RestoreByFamily_DryRunThenLive()
    {
        var dryRun = scenarios.Output<RestoreOutput>("restore by family dry run");
        var live = scenarios.Output<RestoreOutput>("restore by family");
        Assert.True(dryRun.DryRun);
        Assert.Equal("restored", live.Status);
        Assert.Equal(scenarios.ExpiredByFamily, dryRun.ImageId);
        Assert.Equal(scenarios.ExpiredByFamily, live.ImageId);
    }

    [Fact]
    public void RestoreWithoutLedgerRecord_RestoredFromSnapshotDescriptions()
    {
        var restore = scenarios.Output<RestoreOutput>("restore without ledger record");
        Assert.Null(scenarios.LedgerRecord(scenarios.BinnedWithoutRecord));
        Assert.Equal("restored", restore.Status);
        Assert.NotNull(scenarios.Stack.Ec2.FindImage(Home, scenarios.BinnedWithoutRecord));
    }

    [Fact]
    public void RestoreOfAnIdNotInTheBin_FailedTheInvocation() =>
        Assert.IsType<RestoreImageNotFoundException>(scenarios.Output<Exception>("restore of an id not in the bin"));

    private static string Outcomes(RunSummary sweep) => string.Join(", ", sweep.Outcomes.Select(o => $"{o.Key}={o.Value}"));
}
