using AmiAutomation.TestKit.Repository;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Simulation.Seeding;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>
/// "Restorable or nothing", end to end through the expire function on the simulator: the Recycle Bin preflight blocks
/// runs whose rules would not keep images AND snapshots, each deregistration is verified in the bin, and a miss latches
/// every later run until an operator clears it.
/// </summary>
public sealed class RestorableOrNothingTests : ExpireScenarioTests
{
    private const string Retain = "ami-lifecycle:recycle-bin=retain";

    private void Rules(params RecycleBinRule[] rules)
    {
        _h.Ec2.ClearRecycleBinRules(SweepHarness.Region);
        foreach (var rule in rules)
        {
            _h.Ec2.AddRecycleBinRule(SweepHarness.Region, rule);
        }
    }

    private static RecycleBinRule Images(int days = 30) => new(RecycleBinResourceType.Ec2Image, days);

    private static RecycleBinRule Snapshots(int days = 30) => new(RecycleBinResourceType.EbsSnapshot, days);

    private List<string> ThreeExpired() => [.. new[] { 400, 300, 200 }.Select(days => Expired(daysOld: days, more: b => b.WithSnapshot(8).WithSnapshot(4)))];

    private void AssertBlockedUntouched(RunSummary summary, IEnumerable<string> ids)
    {
        Assert.NotNull(summary.BlockedReason);
        Assert.Equal(0, _h.Ec2.Calls.CountOf("DeregisterImage"));
        Assert.Empty(_h.Ledger.Records);
        Assert.All(ids, id =>
        {
            Assert.True(Exists(id));
            Assert.Equal(OutcomeNames.Blocked, Line(summary, id).Outcome);
        });
        Assert.Equal(1, _h.Metric(MetricNames.RunsBlocked));
    }

    [Fact]
    public async Task Expire_ImageRuleButNoSnapshotRule_BlockedNamingTheMissingRule()
    {
        Rules(Images());
        var ids = ThreeExpired();
        Newest();

        var summary = await _h.InvokeAdvancingClockAsync(_h.Expire());

        AssertBlockedUntouched(summary, ids);
        Assert.Contains($"no available EBS_SNAPSHOT retention rule matches tag {Retain}", summary.BlockedReason, StringComparison.Ordinal);
        Assert.DoesNotContain("EC2_IMAGE retention rule matches", summary.BlockedReason, StringComparison.Ordinal);
        Assert.Equal(1, _h.Metric(MetricNames.RunsBlockedByGate, SweepBlockKinds.RecycleBinRules));
        Assert.True(_h.Ec2.Calls.CountOf("rbin:GetRule") >= 1);
    }

    [Fact]
    public async Task Expire_NoRuleAtAll_NoImageLostOverThreeDailyRuns()
    {
        Rules();
        var ids = ThreeExpired();
        Newest();

        for (var day = 0; day < 3; day++)
        {
            var summary = await _h.InvokeAdvancingClockAsync(_h.Expire(), """{"source":"schedule"}""");
            Assert.All(ids, id => Assert.False(_h.Ec2.IsImageGone(SweepHarness.Region, id), $"{id} was deleted for good on day {day}"));
            Assert.Contains($"no available EC2_IMAGE retention rule matches tag {Retain}", summary.BlockedReason, StringComparison.Ordinal);
            Assert.Contains($"no available EBS_SNAPSHOT retention rule matches tag {Retain}", summary.BlockedReason, StringComparison.Ordinal);
            _h.Time.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(0, _h.Ec2.Calls.CountOf("DeregisterImage"));
        Assert.All(ids, id => Assert.True(Exists(id)));
        Assert.All(ids.SelectMany(id => _h.Ec2.SnapshotIdsOf(SweepHarness.Region, id)), s => Assert.NotNull(_h.Ec2.FindSnapshot(SweepHarness.Region, s)));
    }

    [Fact]
    public async Task Expire_PendingSnapshotRule_Blocked()
    {
        Rules(Images(), Snapshots() with { IsAvailable = false });
        var ids = ThreeExpired();
        Newest();

        var summary = await _h.InvokeAdvancingClockAsync(_h.Expire());

        AssertBlockedUntouched(summary, ids);
        Assert.Contains("no available EBS_SNAPSHOT retention rule", summary.BlockedReason, StringComparison.Ordinal);
        Assert.Contains("pending", summary.BlockedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expire_SnapshotRetentionShorterThanImageRetention_Blocked()
    {
        Rules(Images(30), Snapshots(7));
        var ids = ThreeExpired();
        Newest();

        var summary = await _h.InvokeAdvancingClockAsync(_h.Expire());

        AssertBlockedUntouched(summary, ids);
        Assert.Contains("EBS_SNAPSHOT retention", summary.BlockedReason, StringComparison.Ordinal);
        Assert.Contains("is 7 days", summary.BlockedReason, StringComparison.Ordinal);
        Assert.Contains("may be 30 days", summary.BlockedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expire_TagLevelRulesOnOurTag_Deregisters()
    {
        Rules(
            Images(14) with { ResourceTags = [new(TagNames.RecycleBin, TagNames.RecycleBinValue)] },
            Snapshots(21) with { ResourceTags = [new(TagNames.RecycleBin, TagNames.RecycleBinValue)] });
        var ids = ThreeExpired();
        Newest();

        var summary = await _h.InvokeAdvancingClockAsync(_h.Expire());

        Assert.Null(summary.BlockedReason);
        Assert.Equal(3, summary.Deregistration!.Deregistered);
        Assert.All(ids, id => Assert.True(_h.Ec2.IsImageInRecycleBin(SweepHarness.Region, id)));
        Assert.All(ids.SelectMany(id => _h.Ec2.SnapshotIdsOf(SweepHarness.Region, id)), s => Assert.True(_h.Ec2.IsSnapshotInRecycleBin(SweepHarness.Region, s)));
        Assert.Equal(3, _h.Ec2.Calls.CountOf("ListSnapshotsInRecycleBin"));
    }

    [Fact]
    public async Task Expire_DryRunWithoutSnapshotRule_ShowsTheBlock()
    {
        _h.Environment[CommonSettings.DryRunVariable] = "true";
        Rules(Images());
        var ids = ThreeExpired();
        Newest();

        var summary = await _h.InvokeAdvancingClockAsync(_h.Expire());

        Assert.True(summary.DryRun);
        Assert.Contains("no available EBS_SNAPSHOT retention rule", summary.BlockedReason, StringComparison.Ordinal);
        Assert.All(ids, id => Assert.Equal(OutcomeNames.Blocked, Line(summary, id).Outcome));
        Assert.Equal(0, _h.Ec2.Calls.All.Count(c => c.Action == "DeregisterImage"));
    }

    [Fact]
    public async Task Expire_RuleListingDenied_BlockedCouldNotCheck()
    {
        _h.Ec2.Access.Deny("rbin:ListRules");
        var ids = ThreeExpired();
        Newest();

        var summary = await _h.InvokeAdvancingClockAsync(_h.Expire());

        AssertBlockedUntouched(summary, ids);
        Assert.Contains("could not check the Recycle Bin retention rules", summary.BlockedReason, StringComparison.Ordinal);
        Assert.Contains("AccessDeniedException", summary.BlockedReason, StringComparison.Ordinal);
        Assert.Equal(1, _h.Metric(MetricNames.RunsBlockedByGate, SweepBlockKinds.RecycleBinRulesUnchecked));
    }

    [Fact]
    public async Task Expire_GetRuleThrottled_BlockedCouldNotCheck()
    {
        _h.Ec2.Faults.FailNext("rbin:GetRule", 1, "ThrottlingException", System.Net.HttpStatusCode.TooManyRequests);
        var ids = ThreeExpired();
        Newest();

        var summary = await _h.InvokeAdvancingClockAsync(_h.Expire());

        AssertBlockedUntouched(summary, ids);
        Assert.Contains("could not check", summary.BlockedReason, StringComparison.Ordinal);
        Assert.Contains("ThrottlingException", summary.BlockedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expire_ImageExcludedByItsOwnTag_SkippedOthersDeregistered()
    {
        Rules(Images() with { ExcludeResourceTags = [new("scratch", "yes")] }, Snapshots());
        var excluded = Expired(daysOld: 500, more: b => b.Tagged("scratch", "yes").WithSnapshot(8));
        var ids = ThreeExpired();
        Newest();

        var summary = await _h.InvokeAdvancingClockAsync(_h.Expire());

        Assert.Null(summary.BlockedReason);
        Assert.True(Exists(excluded));
        Assert.Equal(OutcomeNames.Skipped, Line(summary, excluded).Outcome);
        Assert.Contains("excludes it by tag scratch=yes", Line(summary, excluded).Detail, StringComparison.Ordinal);
        // A skip of one image is no abort of the run.
        Assert.False(summary.DestructiveRunAborted);
        Assert.Empty(summary.Errors);
        Assert.Equal(3, summary.Deregistration!.Deregistered);
        Assert.All(ids, id => Assert.True(_h.Ec2.IsImageInRecycleBin(SweepHarness.Region, id)));
        Assert.DoesNotContain(_h.Ledger.Records, r => r.ImageId == excluded);
    }

    [Fact]
    public async Task Expire_SnapshotExcludedByItsOwnTag_ImageSkipped()
    {
        Rules(Images(), Snapshots() with { ExcludeResourceTags = [new("no-bin", "true")] });
        var snapshot = _h.Ec2.AddSnapshot(SweepHarness.Region, 8);
        _h.Ec2.Calls.Clear();
        var client = _h.Ec2.ClientFor(SweepHarness.Region);
        await client.CreateTagsAsync(new Amazon.EC2.Model.CreateTagsRequest { Resources = [snapshot], Tags = [new("no-bin", "true")] });
        var image = Expired(daysOld: 500, more: b => b.WithSnapshot(existingSnapshotId: snapshot));
        Newest();

        var summary = await _h.InvokeAdvancingClockAsync(_h.Expire());

        Assert.True(Exists(image));
        Assert.NotNull(_h.Ec2.FindSnapshot(SweepHarness.Region, snapshot));
        Assert.Contains($"snapshot {snapshot} of {image}", Line(summary, image).Detail, StringComparison.Ordinal);
        Assert.Equal(0, _h.Ec2.Calls.CountOf("DeregisterImage"));
    }

    [Fact]
    public async Task Expire_SnapshotRuleRemovedMidRun_OneImageAffectedLatchSetNextRunBlockedUntilCleared()
    {
        var snapshotRule = _h.Ec2.RecycleBinRules(SweepHarness.Region).Single(r => r.ResourceType == RecycleBinResourceType.EbsSnapshot).Identifier!;
        var ids = ThreeExpired();
        Newest();
        _h.Ec2.After("DeregisterImage", 1, () => _h.Ec2.RemoveRecycleBinRule(SweepHarness.Region, snapshotRule));

        var first = await _h.InvokeAdvancingClockAsync(_h.Expire());

        Assert.Equal([OutcomeNames.Succeeded, OutcomeNames.Succeeded, OutcomeNames.NotStarted], ids.Select(id => Line(first, id).Outcome));
        Assert.True(_h.Ec2.IsImageInRecycleBin(SweepHarness.Region, ids[0]));
        Assert.True(Exists(ids[2]));
        Assert.True(first.DestructiveRunAborted);
        Assert.Contains($"of {ids[1]} was not in the Recycle Bin", first.AbortReason, StringComparison.Ordinal);
        Assert.Contains("no available EBS_SNAPSHOT retention rule kept it", first.AbortReason, StringComparison.Ordinal);
        Assert.StartsWith("Recycle Bin latch set", first.Latch, StringComparison.Ordinal);
        Assert.True(_h.Ledger.LatchOf(SweepHarness.Region)!.IsSet);
        Assert.Equal(ids[1], _h.Ledger.LatchOf(SweepHarness.Region)!.ImageId);
        Assert.Equal(2, _h.Metric(MetricNames.RecycleBinMisses, nameof(BinStatus.NotInBin)));

        _h.Ec2.AddRecycleBinRule(SweepHarness.Region, Snapshots());
        _h.Time.Advance(TimeSpan.FromDays(1));
        var second = await _h.InvokeAdvancingClockAsync(_h.Expire());

        Assert.Contains("Recycle Bin latch set", second.BlockedReason, StringComparison.Ordinal);
        Assert.Equal(OutcomeNames.Blocked, Line(second, ids[2]).Outcome);
        Assert.True(Exists(ids[2]));
        Assert.Equal(1, _h.Metric(MetricNames.RunsBlockedByGate, SweepBlockKinds.RecycleBinLatch));
        Assert.Equal(1, _h.Metric(MetricNames.DeregistrationsBlockedByLatch));
        Assert.Equal(2, _h.Ec2.Calls.CountOf("DeregisterImage"));

        var clearing = await _h.InvokeAdvancingClockAsync(_h.Expire(), """{"clearLatch": {"reason": "snapshot rule restored; lost snapshots of the second image accepted", "by": "ops@example.com"}}""");

        Assert.StartsWith("Recycle Bin latch cleared", clearing.Latch, StringComparison.Ordinal);
        Assert.Contains("ops@example.com", clearing.Latch, StringComparison.Ordinal);
        var cleared = _h.Ledger.LatchOf(SweepHarness.Region)!;
        Assert.False(cleared.IsSet);
        Assert.Equal(("ops@example.com", _h.Time.GetUtcNow()), (cleared.ClearedBy, cleared.ClearedAt!.Value));
        Assert.Equal(2, _h.Ec2.Calls.CountOf("DeregisterImage"));

        var third = await _h.InvokeAdvancingClockAsync(_h.Expire());

        Assert.Null(third.BlockedReason);
        Assert.Equal(OutcomeNames.Succeeded, Line(third, ids[2]).Outcome);
        Assert.True(_h.Ec2.IsImageInRecycleBin(SweepHarness.Region, ids[2]));
    }

    [Fact]
    public async Task Expire_ListImagesInRecycleBinDenied_AbortSaysCouldNotCheckAndLatches()
    {
        _h.Ec2.Access.Deny("ListImagesInRecycleBin");
        var ids = ThreeExpired();
        Newest();

        var summary = await _h.InvokeAdvancingClockAsync(_h.Expire());

        Assert.Equal([OutcomeNames.Succeeded, OutcomeNames.NotStarted, OutcomeNames.NotStarted], ids.Select(id => Line(summary, id).Outcome));
        Assert.True(_h.Ec2.IsImageInRecycleBin(SweepHarness.Region, ids[0]));
        Assert.Contains($"could not check whether image {ids[0]} is in the Recycle Bin", summary.AbortReason, StringComparison.Ordinal);
        Assert.Contains("UnauthorizedOperation", summary.AbortReason, StringComparison.Ordinal);
        Assert.Contains("may well be in the bin", summary.AbortReason, StringComparison.Ordinal);
        Assert.DoesNotContain("deleted for good", summary.AbortReason, StringComparison.Ordinal);
        Assert.True(_h.Ledger.LatchOf(SweepHarness.Region)!.IsSet);
        Assert.Equal(1, _h.Metric(MetricNames.RecycleBinMisses, nameof(BinStatus.CouldNotCheck)));
    }

    [Fact]
    public async Task Expire_LatchUnreadable_Blocked()
    {
        var ids = ThreeExpired();
        Newest();
        _h.Ledger.FailLatchReads = true;

        var summary = await _h.InvokeAdvancingClockAsync(_h.Expire());

        AssertBlockedUntouched(summary, ids);
        Assert.Contains("could not check the Recycle Bin latch", summary.BlockedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expire_LatchWriteFails_RunStillStopsAndSaysSo()
    {
        _h.Ec2.Access.Deny("ListSnapshotsInRecycleBin");
        _h.Ledger.FailLatchWrites = true;
        var ids = ThreeExpired();
        Newest();

        var summary = await _h.InvokeAdvancingClockAsync(_h.Expire());

        Assert.Equal(1, _h.Ec2.Calls.CountOf("DeregisterImage"));
        Assert.Contains("latch could NOT be written", summary.AbortReason, StringComparison.Ordinal);
        Assert.True(Exists(ids[1]));
    }

    [Fact]
    public async Task Expire_ClearLatchWithOtherFields_Rejected()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => _h.InvokeAdvancingClockAsync(_h.Expire(), """{"clearLatch": {"reason": "x"}, "imageIds": ["ami-0123456789abcdef0"]}"""));
        Assert.Contains("clearLatch must be alone", ex.Message, StringComparison.Ordinal);
        var noReason = await Assert.ThrowsAnyAsync<Exception>(() => _h.InvokeAdvancingClockAsync(_h.Expire(), """{"clearLatch": {}}"""));
        Assert.Contains("clearLatch.reason is required", noReason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expire_DeregisterReportsNoSnapshotResults_SnapshotsStillThereReportedNotDeleted()
    {
        _h.Ec2.Options.IgnoreDeleteAssociatedSnapshots = true;
        var image = Expired(daysOld: 300, more: b => b.WithSnapshot(8).WithSnapshot(4));
        Newest();

        var summary = await _h.InvokeAdvancingClockAsync(_h.Expire());

        Assert.Equal(1, summary.Deregistration!.Deregistered);
        Assert.Equal(0, summary.Deregistration.SnapshotsDeleted);
        Assert.Equal(2, summary.Deregistration.SnapshotsNotDeleted.Count);
        Assert.All(summary.Deregistration.SnapshotsNotDeleted, s => Assert.Equal("unreported-still-exists", s.ReturnCode));
        Assert.Contains("EC2 reported no snapshot results", Line(summary, image).Detail, StringComparison.Ordinal);
        Assert.Equal(2, _h.Metric(MetricNames.SnapshotsNotDeleted, "unreported-still-exists"));
    }

    [Fact]
    public async Task Expire_ClearLatchEventFile_ClearsASetLatchAndRunsNoSweep()
    {
        var image = Expired(daysOld: 300);
        Newest();
        await _h.Ledger.SetLatchAsync(
            new AmiAutomation.Core.Ledger.RecycleBinLatch { Region = SweepHarness.Region, SetAt = SweepHarness.Start, RunId = "r1", ImageId = image, Reason = "test" },
            CancellationToken.None);
        var json = await File.ReadAllTextAsync(RepositoryRoot.File("events", SweepEventsTests.ClearLatchEvent));

        var summary = await _h.InvokeAsync(_h.Expire(), json);

        Assert.StartsWith("Recycle Bin latch cleared", summary.Latch, StringComparison.Ordinal);
        Assert.False(_h.Ledger.LatchOf(SweepHarness.Region)!.IsSet);
        Assert.Empty(summary.Decisions);
        Assert.True(Exists(image));
    }
}
