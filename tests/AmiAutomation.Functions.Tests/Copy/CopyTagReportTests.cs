using System.Globalization;
using AmiAutomation.Core.Tagging;
using static AmiAutomation.Functions.Tests.Copy.CopyHarness;

namespace AmiAutomation.Functions.Tests.Copy;

/// <summary>EC2 allows 50 tags per image: a copy's own tags always fit, the source's beyond the limit are dropped
/// (the same ones every time) and reported: which ones, in the output and the log.</summary>
public sealed class CopyTagReportTests
{
    private static (CopyHarness Harness, string Source) SourceWith(int userTags)
    {
        var harness = new CopyHarness();
        return (harness, harness.AddSourceWithUserTags(userTags));
    }

    [Theory]
    [InlineData(47, 2)]
    [InlineData(48, 3)]
    [InlineData(50, 5)]
    [InlineData(60, 15)]
    public async Task SourceWithManyTags_DroppedTagsAreTheLastByKey_ReportedInOutputAndLog(int userTags, int dropped)
    {
        var (harness, source) = SourceWith(userTags);

        var output = await harness.AvailableAsync(harness.Function(), source);

        var line = Assert.Single(output.TagsNotCopied);
        Assert.Equal(source, line.ImageId);
        Assert.Equal(UsEast, line.TargetRegion);
        // Ours (ami-lifecycle:…) first, then by key: "team" and the highest tag-NN keys go first.
        var expected = new[] { "team" }.Concat(Enumerable.Range(0, userTags - 2).Reverse().Select(i => string.Create(CultureInfo.InvariantCulture, $"tag-{i:00}")))
            .Take(dropped).Order(StringComparer.Ordinal);
        Assert.Equal(expected, line.Keys);
        Assert.Contains(harness.Logger.Entries, e => e.Message.Contains("not copied", StringComparison.Ordinal) && e.Message.Contains(source, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OlderCopyAlreadyAtTheLimit_FinishMakesRoomByDroppingInheritedTags_Once()
    {
        var harness = new CopyHarness();
        var source = harness.AddSource(UsEast);
        var copy = harness.Ec2.AddImage(UsEast, b =>
        {
            b.Named("legacy-full-copy").CopiedFrom(source, Home).CreatedAgo(TimeSpan.FromHours(2)).WithSnapshot(8)
                .Tagged(TagNames.SourceImage, source).Tagged(TagNames.SourceRegion, Home).Tagged(TagNames.ManagedBy, TagNames.ManagedByValue);
            for (var i = 0; i < 47; i++)
            {
                b.Tagged(string.Create(CultureInfo.InvariantCulture, $"tag-{i:00}"), "value");
            }
        });

        var first = await harness.InvokeAsync(harness.Function(UsEast), Reconcile);
        var second = await harness.InvokeAsync(harness.Function(UsEast), Reconcile);

        Assert.Equal(1, first.Counts.Finished);
        Assert.Equal(0, first.Counts.Failed);
        Assert.Empty(second.Copies);
        var tags = harness.Tags(UsEast, copy);
        Assert.Equal(50, tags.Count);
        Assert.True(tags.ContainsKey(TagNames.CopyFinishedAt));
        Assert.False(tags.ContainsKey("tag-46"));
        Assert.Contains(first.TagsNotCopied, l => l.ImageId == copy && l.Keys.SequenceEqual(["tag-46"]));
    }
}
