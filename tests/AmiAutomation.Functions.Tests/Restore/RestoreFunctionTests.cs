using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Restore;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Restore;
using AmiAutomation.Runtime.Functions;

namespace AmiAutomation.Functions.Tests.Restore;

public sealed class RestoreFunctionTests
{
    private const string Partner = "210987654321";
    private const string Org = "arn:aws:organizations::123456789012:organization/o-a1b2c3d4e5";

    private readonly RestoreHarness _h = new();

    private string AddWebImage(string name = "web-server-2026-01-15", Action<Simulation.Seeding.ImageBuilder>? more = null) =>
        _h.AddImage(b =>
        {
            b.Named(name).WithSnapshot(8).WithSnapshot(100).WithSnapshot(20)
                .Tagged("team", "web").Tagged(TagNames.Family, "web-server")
                .SharedWithAccount(Partner).SharedWithOrganization(Org)
                .DeprecatedAt(RestoreHarness.Start.AddDays(10));
            more?.Invoke(b);
        });

    [Fact]
    public async Task Restore_MultiSnapshotImage_RestoresEverythingAndReappliesTheRecordedState()
    {
        var imageId = AddWebImage(more: b => b.Public());
        _h.Ec2.SetImageTag(RestoreHarness.Region, imageId, "aws:ec2launchtemplate:id", "lt-1");
        var record = await _h.RetireAsync(imageId);
        var snapshots = record!.Snapshots.Select(s => s.SnapshotId).ToList();

        var output = await _h.InvokeAsync($$"""{"imageId": "{{imageId}}", "dryRun": false}""");

        Assert.Equal("restored", output.Status);
        Assert.False(output.Partial);
        Assert.Equal(3, output.SnapshotsRestored);
        Assert.True(output.ImageRestored);
        Assert.Equal("Ledger", output.SnapshotSource);
        var image = _h.Ec2.FindImage(RestoreHarness.Region, imageId);
        Assert.Equal("available", image?.State.Value);
        Assert.All(snapshots, id => Assert.Equal("completed", _h.Ec2.FindSnapshot(RestoreHarness.Region, id)?.State.Value));

        var tags = _h.Tags(imageId);
        Assert.Equal("web", tags["team"]);
        Assert.True(TagTime.TryParse(tags[TagNames.RestoredAt], out var restoredAt));
        Assert.True(TagTime.TryParse(tags[TagNames.KeepUntil], out var keepUntil));
        Assert.Equal(TimeSpan.FromDays(14), keepUntil - restoredAt);
        Assert.Equal(TagNames.ManagedByValue, tags[TagNames.ManagedBy]);

        var permissions = _h.Ec2.LaunchPermissionsOf(RestoreHarness.Region, imageId);
        Assert.Contains(new LaunchPermission(LaunchPermissionKind.Account, Partner), permissions);
        Assert.Contains(new LaunchPermission(LaunchPermissionKind.Organization, Org), permissions);
        Assert.DoesNotContain(LaunchPermission.Public, permissions);
        Assert.Equal(RestoreHarness.Start.AddDays(10), DateTimeOffset.Parse(image!.DeprecationTime, System.Globalization.CultureInfo.InvariantCulture));

        var stored = await _h.Ledger.GetAsync(RestoreHarness.Region, imageId, CancellationToken.None);
        Assert.Equal(LedgerStatus.Restored, stored?.Status);
        Assert.NotNull(stored?.RestoredAt);

        Assert.Equal(
            ["RestoreSnapshot", "RestoreSnapshot", "RestoreSnapshot", "AwaitSnapshots", "RestoreImage", "ApplyTags", "AddLaunchPermissions", "RemovePublicAccess", "SetDeprecation", "MarkLedgerRestored"],
            output.Steps!.Select(s => s.Step));
        Assert.All(output.Steps!, s => Assert.Equal("succeeded", s.Outcome));
        Assert.Contains(output.Notes!, n => n.Contains("RESTORE_ALLOW_PUBLIC", StringComparison.Ordinal));
        Assert.Equal(1, _h.Metric(RestoreMetricNames.ImagesRestored));
        Assert.Equal(3, _h.Metric(RestoreMetricNames.SnapshotsRestored));
        Assert.Equal(0, _h.Metric(RestoreMetricNames.RestoreFailures));
        Assert.Equal(output.Steps!.Count, _h.Logger.Entries.Count(e => e.Template?.StartsWith("restore {ImageId} {Step}", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task Restore_AllowPublic_KeepsThePublicPermission()
    {
        _h.Environment[RestoreSettings.AllowPublicVariable] = "true";
        var imageId = AddWebImage(more: b => b.Public());
        await _h.RetireAsync(imageId);

        var output = await _h.InvokeAsync($$"""{"imageId": "{{imageId}}"}""");

        Assert.Equal("restored", output.Status);
        Assert.Contains(LaunchPermission.Public, _h.Ec2.LaunchPermissionsOf(RestoreHarness.Region, imageId));
        Assert.DoesNotContain(output.Steps!, s => s.Step == "RemovePublicAccess");
    }

    [Theory]
    [InlineData("ledger", true)]
    [InlineData("keep", false)]
    [InlineData("clear", false)]
    public async Task Restore_DeprecationPolicy_DecidesTheDeprecationTime(string mode, bool deprecated)
    {
        _h.Environment[RestoreSettings.DeprecationVariable] = mode;
        var imageId = AddWebImage();
        await _h.RetireAsync(imageId);

        var output = await _h.InvokeAsync($$"""{"imageId": "{{imageId}}"}""");

        // The simulator (pessimistically) restores no deprecation: only "ledger" puts the recorded time back.
        var image = _h.Ec2.FindImage(RestoreHarness.Region, imageId);
        Assert.Equal(deprecated, image?.DeprecationTime is not null);
        Assert.Equal(deprecated, output.Steps!.Any(s => s.Step == "SetDeprecation"));
        Assert.DoesNotContain(output.Steps!, s => s.Step == "ClearDeprecation");
    }

    [Fact]
    public async Task Restore_LedgerDeprecationPassedAndSlowSnapshots_RedeprecatesAfterTheWait()
    {
        _h.Ec2.Options.SnapshotRestoreDuration = TimeSpan.FromMinutes(10);
        var imageId = _h.AddImage(b => b.Named("web-server-2026-01-15").WithSnapshot(8).WithSnapshot(100)
            .Tagged(TagNames.Family, "web-server").DeprecatedAt(RestoreHarness.Start.AddDays(-5)));
        await _h.RetireAsync(imageId);

        var output = await _h.InvokeAsync($$"""{"imageId": "{{imageId}}"}""");

        Assert.Equal("restored", output.Status);
        Assert.Equal("succeeded", output.Steps!.Single(s => s.Step == "SetDeprecation").Outcome);
        var deprecation = DateTimeOffset.Parse(_h.Ec2.FindImage(RestoreHarness.Region, imageId)!.DeprecationTime, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(deprecation >= RestoreHarness.Start.AddMinutes(10), $"deprecated at {deprecation:O}, before the snapshots were back");
    }

    [Fact]
    public async Task Restore_RecordWrittenButNeverDeregistered_IsAlreadyAvailableAndUntouched()
    {
        var imageId = AddWebImage(more: b => b.Tagged(TagNames.RestoredAt, "2025-01-01T00:00:00Z"));
        await _h.Ledger.PutAsync(new LedgerRecord
        {
            ImageId = imageId, Region = RestoreHarness.Region, Name = "web-server-2026-01-15", Family = "web-server",
            RunId = "run-1", RecordedAt = RestoreHarness.Start, ExpiresAt = RestoreHarness.Start.AddDays(30),
        }, CancellationToken.None);

        var output = await _h.InvokeAsync($$"""{"imageId": "{{imageId}}"}""");

        Assert.Equal("already-available", output.Status);
        Assert.Empty(_h.LiveMutations());
        Assert.Equal(LedgerStatus.PendingDeregistration, (await _h.Ledger.GetAsync(RestoreHarness.Region, imageId, CancellationToken.None))?.Status);
    }

    [Fact]
    public async Task Restore_DeadlineWhileSnapshotsRestore_IsPartial_AndASecondCallFinishes()
    {
        _h.Ec2.Options.SnapshotRestoreDuration = TimeSpan.FromMinutes(30);
        var imageId = AddWebImage();
        var record = await _h.RetireAsync(imageId);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1), _h.Time);

        var first = await _h.InvokeAsync($$"""{"imageId": "{{imageId}}"}""", deadline.Token);

        Assert.Equal("partial", first.Status);
        Assert.True(first.Partial);
        Assert.Contains("call again to resume", first.Message, StringComparison.Ordinal);
        Assert.Equal(3, first.SnapshotsRestored);
        Assert.False(first.ImageRestored);
        Assert.Equal("not-started", first.Steps!.Single(s => s.Step == "AwaitSnapshots").Outcome);
        Assert.Equal("not-started", first.Steps!.Single(s => s.Step == "RestoreImage").Outcome);
        Assert.True(_h.Ec2.IsImageInRecycleBin(RestoreHarness.Region, imageId));
        Assert.All(record!.Snapshots, s => Assert.False(_h.Ec2.IsSnapshotInRecycleBin(RestoreHarness.Region, s.SnapshotId)));
        Assert.Equal(3, _h.Metric(RestoreMetricNames.SnapshotsRestored));

        var second = await _h.InvokeAsync($$"""{"imageId": "{{imageId}}"}""");

        Assert.Equal("restored", second.Status);
        Assert.Equal(0, second.SnapshotsRestored);
        Assert.True(second.ImageRestored);
        Assert.DoesNotContain(second.Steps!, s => s.Step == "RestoreSnapshot");
        Assert.Equal(LedgerStatus.Restored, (await _h.Ledger.GetAsync(RestoreHarness.Region, imageId, CancellationToken.None))?.Status);
    }

    [Fact]
    public async Task Restore_ThrottledAfterTheImageIsBack_IsPartial_AndASecondCallOnlyReapplies()
    {
        var imageId = AddWebImage();
        await _h.RetireAsync(imageId);
        _h.Ec2.Faults.FailNext("EnableImageDeprecation", 1, "RequestLimitExceeded", System.Net.HttpStatusCode.ServiceUnavailable);

        var first = await _h.InvokeAsync($$"""{"imageId": "{{imageId}}"}""");

        Assert.Equal("partial", first.Status);
        Assert.True(first.ImageRestored);
        Assert.Equal("not-started", first.Steps!.Single(s => s.Step == "SetDeprecation").Outcome);
        Assert.Equal("not-started", first.Steps!.Single(s => s.Step == "MarkLedgerRestored").Outcome);
        Assert.Equal(LedgerStatus.Deregistered, (await _h.Ledger.GetAsync(RestoreHarness.Region, imageId, CancellationToken.None))?.Status);
        Assert.True(_h.Tags(imageId).ContainsKey(TagNames.KeepUntil));

        var tagsBefore = _h.Tags(imageId);
        var before = _h.Ec2.Calls.Count;
        var second = await _h.InvokeAsync($$"""{"imageId": "{{imageId}}"}""");

        Assert.Equal("restored", second.Status);
        Assert.False(second.ImageRestored);
        Assert.Equal(["AddLaunchPermissions", "SetDeprecation", "MarkLedgerRestored"], second.Steps!.Select(s => s.Step));
        Assert.Equal(["ModifyImageAttribute", "EnableImageDeprecation"], _h.LiveMutations(before));
        Assert.Equal(tagsBefore[TagNames.KeepUntil], _h.Tags(imageId)[TagNames.KeepUntil]);
        Assert.Contains(second.Notes!, n => n.Contains("finishing an earlier, partial restore", StringComparison.Ordinal));
        Assert.Equal(LedgerStatus.Restored, (await _h.Ledger.GetAsync(RestoreHarness.Region, imageId, CancellationToken.None))?.Status);
    }

    [Fact]
    public async Task Restore_SnapshotsPurgedBeforeTheImage_FailsNamingEverySnapshot()
    {
        var h = new RestoreHarness(imageRetentionDays: 30, snapshotRetentionDays: 7);
        var imageId = h.AddImage(b => b.Named("web-server-2026-01-15").WithSnapshot(8).WithSnapshot(50));
        var record = await h.RetireAsync(imageId);
        h.Time.Advance(TimeSpan.FromDays(8));
        var before = h.Ec2.Calls.Count;

        var error = await h.InvokeFailingAsync<RestoreSnapshotMissingException>($$"""{"imageId": "{{imageId}}"}""");

        Assert.All(record!.Snapshots, s => Assert.Contains(s.SnapshotId, error.Message, StringComparison.Ordinal));
        Assert.Contains("cannot be restored", error.Message, StringComparison.Ordinal);
        Assert.Empty(h.LiveMutations(before));
        Assert.Equal(1, h.Metric(RestoreMetricNames.RestoreFailures));
    }

    [Fact]
    public async Task Restore_NoLedgerRecord_FindsTheSnapshotsByDescription()
    {
        var imageId = AddWebImage();
        await _h.RetireAsync(imageId, withRecord: false);

        var output = await _h.InvokeAsync($$"""{"imageId": "{{imageId}}"}""");

        Assert.Equal("restored", output.Status);
        Assert.Equal("Description", output.SnapshotSource);
        Assert.Equal(3, output.SnapshotsRestored);
        Assert.Equal("available", _h.Ec2.FindImage(RestoreHarness.Region, imageId)?.State.Value);
        Assert.True(_h.Tags(imageId).ContainsKey(TagNames.KeepUntil));
        Assert.DoesNotContain(output.Steps!, s => s.Step == "MarkLedgerRestored");
        Assert.Contains(output.Notes!, n => n.Contains("No ledger record", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restore_Twice_SecondCallIsAlreadyRestoredAndChangesNothing()
    {
        var imageId = AddWebImage();
        await _h.RetireAsync(imageId);
        await _h.InvokeAsync($$"""{"imageId": "{{imageId}}"}""");
        var before = _h.Ec2.Calls.Count;

        var second = await _h.InvokeAsync($$"""{"imageId": "{{imageId}}"}""");

        Assert.Equal("already-restored", second.Status);
        Assert.Empty(second.Steps!);
        Assert.Empty(_h.LiveMutations(before));
    }

    [Fact]
    public async Task Restore_ImageThatWasNeverDeregistered_IsASuccessWithANote()
    {
        var imageId = AddWebImage();

        var output = await _h.InvokeAsync($$"""{"imageId": "{{imageId}}"}""");

        Assert.Equal("already-available", output.Status);
        Assert.Contains(output.Notes!, n => n.Contains("never deregistered", StringComparison.Ordinal));
        Assert.Empty(_h.LiveMutations());
    }

    [Fact]
    public async Task Restore_DryRun_ChangesNothingAndSaysWhatWouldHappen()
    {
        _h.Environment[AmiAutomation.Functions.Common.CommonSettings.DryRunVariable] = "true";
        var imageId = AddWebImage();
        await _h.RetireAsync(imageId);
        var before = _h.Ec2.Calls.Count;
        var ledgerWrites = _h.Ledger.WriteCount;

        var output = await _h.InvokeAsync($$"""{"imageId": "{{imageId}}"}""");

        Assert.Equal("dry-run", output.Status);
        Assert.True(output.DryRun);
        Assert.Empty(_h.LiveMutations(before));
        Assert.Equal(3, _h.Ec2.Calls.All.Skip(before).Count(c => c.Action == "RestoreSnapshotFromRecycleBin" && c.DryRun));
        Assert.True(_h.Ec2.IsImageInRecycleBin(RestoreHarness.Region, imageId));
        Assert.Equal(ledgerWrites, _h.Ledger.WriteCount);
        Assert.All(output.Steps!, s => Assert.Equal("dry-run", s.Outcome));
        Assert.Contains(output.Steps!, s => s.Step == "RestoreImage");
        Assert.Contains(output.Steps!, s => s.Step == "MarkLedgerRestored");
        Assert.Equal(0, _h.Metric(RestoreMetricNames.ImagesRestored));
    }

    [Fact]
    public async Task Restore_LiveRequestAgainstDryRunConfiguration_IsRejected()
    {
        _h.Environment[AmiAutomation.Functions.Common.CommonSettings.DryRunVariable] = "true";

        var error = await _h.InvokeFailingAsync<InvalidEventException>("""{"imageId": "ami-0a1b2c3d4e5f60718", "dryRun": false}""");

        Assert.Contains("DRY_RUN=true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_ImageRestoreRefused_ThrowsNamingTheStepAfterReportingIt()
    {
        var imageId = AddWebImage();
        await _h.RetireAsync(imageId);
        _h.Ec2.Access.Deny("RestoreImageFromRecycleBin");

        var error = await _h.InvokeFailingAsync<RestoreStepFailedException>($$"""{"imageId": "{{imageId}}"}""");

        Assert.Contains("RestoreImage", error.Message, StringComparison.Ordinal);
        Assert.Contains("UnauthorizedOperation", error.Message, StringComparison.Ordinal);
        Assert.Contains("RestoreSnapshot", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _h.Metric(RestoreMetricNames.RestoreFailures));
        Assert.Equal(3, _h.Metric(RestoreMetricNames.SnapshotsRestored));
    }
}
