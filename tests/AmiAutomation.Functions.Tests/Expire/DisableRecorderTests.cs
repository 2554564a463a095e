using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Planning;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;
using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>The disable stage's ledger guard on its own: no record (permissions unknown) → no disable; a record gone
/// after the DisableImage is reported, not silently recreated.</summary>
public sealed class DisableRecorderTests
{
    private const string ImageId = "ami-0aaaaaaaaaaaaaaa2";
    private readonly RecordingLedger _ledger = new();
    private readonly DisableRecorder _recorder;

    public DisableRecorderTests() => _recorder = new DisableRecorder(_ledger, new FakeTimeProvider(SweepHarness.Start), "run-7");

    [Fact]
    public async Task BeforeDisable_PermissionsNotRead_RefusedNothingRecorded()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await _recorder.BeforeDisableAsync(GuardContexts.For(ImageId, DecisionAction.Disable, permissions: null), CancellationToken.None));

        Assert.Contains($"the launch permissions of {ImageId} were not read", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not disabled", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_ledger.DisableRecords);
        Assert.Equal(0, _recorder.RecordsWritten);
    }

    [Fact]
    public async Task BeforeDisable_PublicImage_RecordedPublicOnceAndCounted()
    {
        var account = new LaunchPermission(LaunchPermissionKind.Account, "444455556666");

        await _recorder.BeforeDisableAsync(GuardContexts.For(ImageId, DecisionAction.Disable, permissions: [account], isPublic: true), CancellationToken.None);
        await _recorder.BeforeDisableAsync(GuardContexts.For("ami-0aaaaaaaaaaaaaaa3", DecisionAction.Disable, permissions: [LaunchPermission.Public], isPublic: true), CancellationToken.None);

        var records = _ledger.DisableRecords.ToDictionary(r => r.ImageId);
        Assert.Equal([account, LaunchPermission.Public], records[ImageId].LaunchPermissions);
        Assert.Equal([LaunchPermission.Public], records["ami-0aaaaaaaaaaaaaaa3"].LaunchPermissions);
        Assert.Equal((DisableRecordStatus.PendingDisable, "run-7"), (records[ImageId].Status, records[ImageId].RunId));
        Assert.Equal(2, _recorder.RecordsWritten);
    }

    [Fact]
    public async Task AfterDisable_RecordGone_ReportedNamingTheImage()
    {
        var context = GuardContexts.For(ImageId, DecisionAction.Disable, permissions: []);
        await _recorder.BeforeDisableAsync(context, CancellationToken.None);
        _ledger.RemoveDisableRecord(SweepHarness.Region, ImageId);
        var outcome = new ActionOutcome(context.Decision, OutcomeStatus.Succeeded);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () => await _recorder.AfterDisableAsync(context, outcome, CancellationToken.None));

        Assert.Contains($"the disable record of {ImageId} written before DisableImage is gone", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_ledger.DisableRecords);
    }
}
