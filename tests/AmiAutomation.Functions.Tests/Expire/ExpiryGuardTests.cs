using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Simulation.Seeding;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>The expire function's guard end to end: ledger before/after each deregistration, the Recycle Bin check,
/// and snapshot results.</summary>
public sealed class ExpiryGuardTests : ExpireScenarioTests
{
    [Fact]
    public async Task LedgerRecord_WrittenBeforeAndMarkedAfter_WithEverythingRestoreNeeds()
    {
        // Public (allowed here) rather than shared: shared images are kept by default (SharedImageTests record their shares).
        _h.Live().Set(ExpireSettings.ImageRetentionDaysVariable, "21").Set(ExpireSettings.AllowPublicVariable, "true");
        var image = Expired(more: b => b.WithDescription("svc golden image").Tagged("team", "payments")
            .WithSnapshot(8).WithSnapshot(20).Public());
        Newest();

        var summary = await _h.InvokeAsync(_h.Expire());

        var record = Assert.Single(_h.Ledger.Records);
        Assert.Equal(["Put " + image, $"Update {image} Deregistered"], _h.Ledger.Calls);
        Assert.Equal(image, record.ImageId);
        Assert.Equal(SweepHarness.Region, record.Region);
        Assert.Equal("svc", record.Family);
        Assert.Equal("svc golden image", record.Description);
        Assert.Equal("payments", record.Tags["team"]);
        Assert.Equal([8, 20], record.Snapshots.Select(s => s.SizeGiB).Order());
        Assert.Contains(record.LaunchPermissions, p => p.Kind == LaunchPermissionKind.Public);
        Assert.Equal(SweepHarness.Start.AddDays(-60), record.DeprecationTime);
        Assert.Equal(summary.RunId, record.RunId);
        Assert.Equal(record.RecordedAt.AddDays(21), record.ExpiresAt);
        Assert.Equal(LedgerStatus.Deregistered, record.Status);
        Assert.StartsWith("DeprecatedLongEnough", record.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(1, summary.Deregistration!.LedgerRecordsWritten);
    }

    [Fact]
    public async Task LedgerWriteFails_NothingDeregistered()
    {
        var a = Expired(daysOld: 300);
        var b = Expired(daysOld: 200);
        Newest();
        _h.Ledger.FailPuts = true;

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.All(new[] { a, b }, id =>
        {
            Assert.Equal("failed", Line(summary, id).Outcome);
            Assert.Equal("DeregistrationGuardFailed", Line(summary, id).ErrorCode);
            Assert.True(Exists(id));
        });
        Assert.Equal(0, _h.Ec2.Calls.CountOf("DeregisterImage"));
        Assert.Equal(2, _h.Metric(MetricNames.Errors));
    }

    [Fact]
    public async Task RecycleBinNotRequired_NoCheckAndNoAbort()
    {
        _h.Live().Set(ExpireSettings.RequireRecycleBinVariable, "false");
        _h.Ec2.ClearRecycleBinRules(SweepHarness.Region);
        Expired(daysOld: 300);
        Expired(daysOld: 200);
        Newest();

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.False(summary.DestructiveRunAborted);
        Assert.Equal(2, summary.Deregistration!.Deregistered);
        Assert.Equal(0, _h.Ec2.Calls.CountOf("ListImagesInRecycleBin"));
    }

    [Fact]
    public async Task SharedSnapshot_SkippedAndReportedWithoutFailing()
    {
        var shared = _h.Ec2.AddSnapshot(SweepHarness.Region, 50);
        var expired = Expired(more: b => b.WithSnapshot(8).WithSnapshot(existingSnapshotId: shared));
        var sibling = _h.AddImage(b => b.Named("other-1").Tagged(TagNames.Family, "other").CreatedDaysAgo(2).WithSnapshot(existingSnapshotId: shared));
        Newest();

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Equal("succeeded", Line(summary, expired).Outcome);
        var notDeleted = Assert.Single(summary.Deregistration!.SnapshotsNotDeleted);
        Assert.Equal((expired, shared, "skipped", 50), (notDeleted.ImageId, notDeleted.SnapshotId, notDeleted.ReturnCode, notDeleted.SizeGiB));
        Assert.Equal(1, summary.Deregistration.SnapshotsDeleted);
        Assert.Equal(8, summary.Deregistration.SnapshotGiBReleased);
        Assert.NotNull(_h.Ec2.FindSnapshot(SweepHarness.Region, shared));
        Assert.True(Exists(sibling));
        Assert.Equal(1, _h.Metric(MetricNames.SnapshotsNotDeleted, "skipped"));
        Assert.Empty(summary.Errors);
    }

    [Fact]
    public async Task LedgerStatusUpdateFails_RunStopsAfterThatImage()
    {
        var ids = new[] { 400, 300 }.Select(days => Expired(daysOld: days)).ToList();
        Newest();
        _h.Ledger.FailUpdates = true;

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Equal(["succeeded", "not-started"], ids.Select(id => Line(summary, id).Outcome));
        Assert.True(summary.DestructiveRunAborted);
        Assert.Contains($"the ledger record of {ids[0]} could not be marked Deregistered", summary.AbortReason, StringComparison.Ordinal);
        // The image is in the Recycle Bin: the ledger is the only cause named.
        Assert.True(_h.Ec2.IsImageInRecycleBin(SweepHarness.Region, ids[0]));
        Assert.EndsWith("(InvalidOperationException: simulated ledger outage on update)", summary.AbortReason, StringComparison.Ordinal);
        Assert.Equal([summary.AbortReason!], summary.Errors);
        Assert.Equal(1, _h.Metric(MetricNames.DestructiveRunAborted));
        Assert.True(Exists(ids[1]));
    }

    [Fact]
    public async Task LedgerStatusUpdateFailsAndBinCheckFails_AbortNamesBoth()
    {
        var ids = new[] { 400, 300 }.Select(days => Expired(daysOld: days)).ToList();
        Newest();
        _h.Ledger.FailUpdates = true;
        _h.Ec2.Access.Deny("ListImagesInRecycleBin");

        var summary = await _h.InvokeAdvancingClockAsync(_h.Expire());

        Assert.True(summary.DestructiveRunAborted);
        Assert.Contains($"the ledger record of {ids[0]} could not be marked Deregistered", summary.AbortReason, StringComparison.Ordinal);
        Assert.Contains($"; could not check whether image {ids[0]} is in the Recycle Bin", summary.AbortReason, StringComparison.Ordinal);
        Assert.Equal([summary.AbortReason!], summary.Errors);
        Assert.True(_h.Ledger.LatchOf(SweepHarness.Region)!.IsSet);
        Assert.True(Exists(ids[1]));
    }
}
