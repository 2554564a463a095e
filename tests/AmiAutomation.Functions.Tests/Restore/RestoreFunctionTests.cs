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
            ["RestoreSnapshot", "RestoreSnapshot", "RestoreSnapshot", "AwaitSnapshots", "RestoreImage", "ApplyTags", "RemovePublicAccess", "SetDeprecation", "MarkLedgerRestored"],
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
    [InlineData("clear", null)]
    [InlineData("keep", null)]
    public async Task Restore_DeprecationPolicy_DecidesTheDeprecationTime(string mode, string? expected)
    {
        _h.Environment[RestoreSettings.DeprecationVariable] = mode;
        var imageId = AddWebImage();
        await _h.RetireAsync(imageId);

        await _h.InvokeAsync($$"""{"imageId": "{{imageId}}"}""");

        // The simulator (pessimistically) restores no deprecation: "keep" leaves none, "clear" has none to clear.
        Assert.Equal(expected, _h.Ec2.FindImage(RestoreHarness.Region, imageId)?.DeprecationTime);
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

        var before = _h.Ec2.Calls.Count;
        var second = await _h.InvokeAsync($$"""{"imageId": "{{imageId}}"}""");

        Assert.Equal("restored", second.Status);
        Assert.False(second.ImageRestored);
        Assert.Equal(["SetDeprecation", "MarkLedgerRestored"], second.Steps!.Select(s => s.Step));
        Assert.Equal(["EnableImageDeprecation"], _h.LiveMutations(before));
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
    public async Task Restore_ByName_PicksTheMostRecentlyDeregistered_AndARepeatDoesNotRestoreTheOlderOne()
    {
        var older = AddWebImage("web-server-main");
        await _h.RetireAsync(older);
        _h.Time.Advance(TimeSpan.FromDays(2));
        var newer = AddWebImage("web-server-main");
        await _h.RetireAsync(newer);

        var first = await _h.InvokeAsync("""{"name": "web-server-main"}""");
        var second = await _h.InvokeAsync("""{"name": "web-server-main"}""");

        Assert.Equal(newer, first.ImageId);
        Assert.Equal("restored", first.Status);
        Assert.Contains(first.Notes!, n => n.Contains(older, StringComparison.Ordinal));
        Assert.Equal(newer, second.ImageId);
        Assert.Equal("already-restored", second.Status);
        Assert.True(_h.Ec2.IsImageInRecycleBin(RestoreHarness.Region, older));
    }

    [Fact]
    public async Task Restore_ByFamily_PicksTheMostRecentlyDeregistered()
    {
        var a = AddWebImage("web-server-2026-01-01");
        var b = AddWebImage("web-server-2026-02-01");
        var other = _h.AddImage(x => x.Named("db-2026-03-01"));
        await _h.RetireAsync(b);
        _h.Time.Advance(TimeSpan.FromHours(3));
        await _h.RetireAsync(a);
        _h.Time.Advance(TimeSpan.FromHours(3));
        await _h.RetireAsync(other, family: "db");

        var output = await _h.InvokeAsync("""{"family": "web-server"}""");

        Assert.Equal(a, output.ImageId);
        Assert.Equal("web-server", output.Family);
        Assert.True(_h.Ec2.IsImageInRecycleBin(RestoreHarness.Region, b));
        Assert.True(_h.Ec2.IsImageInRecycleBin(RestoreHarness.Region, other));
    }

    [Fact]
    public async Task Restore_UnknownName_FailsWithNearMatches()
    {
        await _h.RetireAsync(AddWebImage("web-server-2026-01-15"));
        await _h.RetireAsync(_h.AddImage(b => b.Named("batch-worker-2026-01-15")), family: "batch-worker");

        var error = await _h.InvokeFailingAsync<RestoreImageNotFoundException>("""{"name": "web-sevrer-2026-01-15"}""");

        Assert.Contains("name 'web-sevrer-2026-01-15'", error.Message, StringComparison.Ordinal);
        Assert.Equal(["web-server-2026-01-15"], error.Suggestions);
        Assert.Equal(1, _h.Metric(RestoreMetricNames.RestoreFailures));
    }

    [Fact]
    public async Task Restore_UnknownImageId_SuggestsCloseIdsWithTheirNames()
    {
        var imageId = AddWebImage();
        await _h.RetireAsync(imageId);
        var typo = imageId[..^1] + (imageId[^1] == '0' ? '1' : '0');

        var error = await _h.InvokeFailingAsync<RestoreImageNotFoundException>($$"""{"imageId": "{{typo}}"}""");

        Assert.Contains($"{imageId} (web-server-2026-01-15)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_ImageOfAnotherAccount_IsRefused()
    {
        var foreign = _h.AddImage(b => b.Named("vendor-image").OwnedBy("999988887777").Public());

        var error = await _h.InvokeFailingAsync<RestoreImageNotOwnedException>($$"""{"imageId": "{{foreign}}"}""");

        Assert.Contains("999988887777", error.Message, StringComparison.Ordinal);
        Assert.Contains(RestoreHarness.AccountId, error.Message, StringComparison.Ordinal);
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

    [Fact]
    public async Task List_ShowsBinnedImagesWithWhatTheLedgerKnows()
    {
        var recorded = AddWebImage();
        await _h.RetireAsync(recorded);
        _h.Time.Advance(TimeSpan.FromHours(1));
        var unrecorded = _h.AddImage(b => b.Named("db-2026-03-01").WithSnapshot(30));
        await _h.RetireAsync(unrecorded, withRecord: false);

        var output = await _h.InvokeAsync("""{"action": "list"}""");

        Assert.Equal("list", output.Action);
        Assert.Equal(2, output.Count);
        Assert.Equal([unrecorded, recorded], output.Images!.Select(i => i.ImageId));
        var db = output.Images![0];
        Assert.False(db.InLedger);
        Assert.Equal("db", db.Family);
        Assert.Equal("Description", db.SnapshotSource);
        Assert.Single(db.Snapshots);
        var web = output.Images[1];
        Assert.True(web.InLedger);
        Assert.Equal("web-server", web.Family);
        Assert.Equal(RestoreHarness.Start, web.EnteredAt);
        Assert.Equal(RestoreHarness.Start.AddDays(30), web.ExitsAt);
        Assert.Equal(["DeprecatedLongEnough: deprecated 40 days ago"], web.Reasons);
        Assert.Equal([8, 100, 20], web.Snapshots.Select(s => s.SizeGiB));
        Assert.All(web.Snapshots, s => Assert.True(s.InRecycleBin));
        Assert.Empty(_h.LiveMutations());
    }

    [Fact]
    public async Task Invoke_UnknownField_IsRejectedNamingIt()
    {
        var error = await _h.InvokeFailingAsync<InvalidEventException>("""{"imageID": "ami-0a1b2c3d4e5f60718", "dryrun": true, "force": true}""");

        Assert.Contains("force", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_InvalidImageId_FailsWithAClearError()
    {
        var error = await _h.InvokeFailingAsync<RestoreInvalidImageIdException>("""{"imageId": "ami-XYZ"}""");

        Assert.Contains("ami-XYZ", error.Message, StringComparison.Ordinal);
        Assert.Contains("hex digits", error.Message, StringComparison.Ordinal);
    }
}
