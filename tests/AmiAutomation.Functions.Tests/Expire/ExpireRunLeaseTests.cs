using AmiAutomation.Core.Ledger;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Tests.Common;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>One destructive run at a time: live expire and deprecate runs take the run lease; a run that cannot is
/// blocked, names the holder and changes nothing. Dry runs never need it.</summary>
public sealed class ExpireRunLeaseTests : ExpireScenarioTests
{
    public ExpireRunLeaseTests() => _h.Live().Set(CommonSettings.RunLeaseWaitSecondsVariable, "0");

    private RunLeaseHolder HeldByOther(string function = "deprecate", double minutes = 16) =>
        new(SweepHarness.Region, "other-run-1", function, SweepHarness.Start.AddMinutes(-1), SweepHarness.Start.AddMinutes(minutes));

    [Fact]
    public async Task LiveRun_LeaseHeldByAnotherRun_BlockedNamingHolderAndNothingChanges()
    {
        var old = Expired();
        Newest();
        await _h.RunLease.TryAcquireAsync(HeldByOther(), SweepHarness.Start, CancellationToken.None);
        var before = _h.WorldFingerprint();

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Equal(RunStatus.Blocked, summary.Status);
        Assert.Contains("other-run-1 (deprecate) since 2026-03-04T09:59:00Z", summary.BlockedReason, StringComparison.Ordinal);
        Assert.Equal(0, summary.TotalDecisions);
        Assert.True(Exists(old));
        Assert.Equal(before, _h.WorldFingerprint());
        Assert.Empty(_h.LiveMutations());
        Assert.Empty(_h.Ledger.Records);
        Assert.Equal(1, _h.Metric(MetricNames.RunsBlocked));
        Assert.Equal(1, _h.Metric(MetricNames.RunsCompleted));
        Assert.Equal("other-run-1", _h.RunLease.HolderOf(SweepHarness.Region)?.RunId);
    }

    [Fact]
    public async Task LiveRun_FreeLease_RunsAndReleasesIt()
    {
        var old = Expired();
        Newest();

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Equal(RunStatus.Succeeded, summary.Status);
        Assert.False(Exists(old));
        Assert.Equal(1, _h.RunLease.Acquisitions);
        Assert.Null(_h.RunLease.HolderOf(SweepHarness.Region));
    }

    [Fact]
    public async Task DryRun_LeaseHeldByAnotherRun_StillPlansAndReports()
    {
        var old = Expired();
        Newest();
        await _h.RunLease.TryAcquireAsync(HeldByOther("expire"), SweepHarness.Start, CancellationToken.None);

        var summary = await _h.InvokeAsync(_h.Expire(), """{"dryRun": true}""");

        Assert.Equal(RunStatus.Succeeded, summary.Status);
        Assert.Equal("dry-run", Line(summary, old).Outcome);
        Assert.Equal(1, _h.RunLease.Acquisitions); // the other run's only: the dry run never asked
        Assert.Equal("other-run-1", _h.RunLease.HolderOf(SweepHarness.Region)?.RunId);
    }

    [Fact]
    public async Task LiveRun_LeaseOfACrashedRunExpired_TakesItOver()
    {
        var old = Expired();
        Newest();
        await _h.RunLease.TryAcquireAsync(HeldByOther("expire", minutes: -1), SweepHarness.Start.AddMinutes(-20), CancellationToken.None);

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Equal(RunStatus.Succeeded, summary.Status);
        Assert.False(Exists(old));
    }

    [Fact]
    public async Task LiveRun_LeaseTableUnreachable_BlockedAndNothingChanges()
    {
        var old = Expired();
        Newest();
        _h.RunLease.MakeUnavailable();

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Equal(RunStatus.Blocked, summary.Status);
        Assert.Contains("run lease could not be taken", summary.BlockedReason, StringComparison.Ordinal);
        Assert.True(Exists(old));
        Assert.Empty(_h.LiveMutations());
    }

    [Fact]
    public async Task LiveRun_HolderFinishesWhileWaiting_RunsAfterIt()
    {
        _h.Live().Set(CommonSettings.RunLeaseWaitSecondsVariable, "120");
        var old = Expired();
        Newest();
        // The other run's lease lapses 30 s from now; the run waits (polling on the fake clock) and then acts.
        await _h.RunLease.TryAcquireAsync(
            new RunLeaseHolder(SweepHarness.Region, "other-run-1", "deprecate", SweepHarness.Start, SweepHarness.Start.AddSeconds(30)),
            SweepHarness.Start,
            CancellationToken.None);

        var summary = await _h.InvokeAdvancingClockAsync(_h.Expire());

        Assert.Equal(RunStatus.Succeeded, summary.Status);
        Assert.False(Exists(old));
    }

    [Fact]
    public async Task DeprecateLiveRun_LeaseHeldByExpire_Blocked()
    {
        var image = _h.AddImage(b => b.Named("web-1").CreatedDaysAgo(400));
        _h.AddImage(b => b.Named("web-2").CreatedDaysAgo(1));
        await _h.RunLease.TryAcquireAsync(HeldByOther("expire"), SweepHarness.Start, CancellationToken.None);

        var summary = await _h.InvokeAsync(_h.Deprecate());

        Assert.Equal(RunStatus.Blocked, summary.Status);
        Assert.Contains("(expire)", summary.BlockedReason, StringComparison.Ordinal);
        Assert.Null(_h.Image(image)!.DeprecationTime);
        Assert.Empty(_h.LiveMutations());
    }
}
