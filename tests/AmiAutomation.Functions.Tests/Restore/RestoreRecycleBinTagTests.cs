using AmiAutomation.Core.Tagging;
using Amazon.EC2.Model;

namespace AmiAutomation.Functions.Tests.Restore;

/// <summary>
/// The Recycle Bin mark (<c>ami-lifecycle:recycle-bin=retain</c>) says "expire retired this image"; the stack's
/// tag-level retention rules match it. A restored image is live again: it loses the mark (its copies would otherwise
/// inherit it), and the next expire run puts it back right before any deregistration.
/// </summary>
public sealed class RestoreRecycleBinTagTests
{
    private readonly RestoreHarness _h = new();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Restore_ImageMarkedForTheRecycleBin_LosesTheMark_KeepsItsOtherTags(bool withLedgerRecord)
    {
        var imageId = _h.AddImage(b => b.Named("web-server-2026-01-15").WithSnapshot(8).Tagged("team", "web").Tagged(TagNames.Family, "web-server"));
        await _h.Ec2.ClientFor(RestoreHarness.Region).CreateTagsAsync(
            new CreateTagsRequest { Resources = [imageId], Tags = [new Tag(TagNames.RecycleBin, TagNames.RecycleBinValue)] });
        await _h.RetireAsync(imageId, withRecord: withLedgerRecord);

        var output = await _h.InvokeAsync($$"""{"imageId": "{{imageId}}", "dryRun": false}""");

        Assert.Equal("restored", output.Status);
        var tags = _h.Tags(imageId);
        Assert.False(tags.ContainsKey(TagNames.RecycleBin), string.Join(", ", tags.Keys));
        Assert.Equal("web", tags["team"]);
        Assert.True(tags.ContainsKey(TagNames.RestoredAt));
        Assert.Contains(output.Steps!, s => s.Step == "RemoveTags" && s.Outcome == "succeeded");
    }

    [Fact]
    public async Task Restore_TwiceAfterTheMarkIsGone_SecondCallChangesNothing()
    {
        var imageId = _h.AddImage(b => b.Named("web-server-2026-01-16").WithSnapshot(8).Tagged(TagNames.RecycleBin, TagNames.RecycleBinValue));
        await _h.RetireAsync(imageId);
        await _h.InvokeAsync($$"""{"imageId": "{{imageId}}", "dryRun": false}""");
        var calls = _h.Ec2.Calls.All.Count;

        await _h.InvokeAsync($$"""{"imageId": "{{imageId}}", "dryRun": false}""");

        Assert.Empty(_h.LiveMutations(calls));
        Assert.False(_h.Tags(imageId).ContainsKey(TagNames.RecycleBin));
    }
}
