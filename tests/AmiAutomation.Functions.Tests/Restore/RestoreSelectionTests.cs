using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Restore;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Restore;
using AmiAutomation.Runtime.Functions;

namespace AmiAutomation.Functions.Tests.Restore;

/// <summary>Which image a restore picks (name, family, newest), what it says when nothing matches, and the list action.</summary>
public sealed class RestoreSelectionTests
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
    public async Task List_ShowsBinnedImagesWithWhatTheLedgerKnows()
    {
        var recorded = AddWebImage();
        await _h.RetireAsync(recorded);
        _h.Time.Advance(TimeSpan.FromHours(1));
        var unrecorded = _h.AddImage(b => b.Named("db-2026-03-01").WithSnapshot(30));
        await _h.RetireAsync(unrecorded, withRecord: false);
        var before = _h.Ec2.Calls.Count;

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
        Assert.Empty(_h.LiveMutations(before));
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
