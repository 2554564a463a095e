using AmiAutomation.Core.Tagging;
using static AmiAutomation.Functions.Tests.Copy.CopyHarness;

namespace AmiAutomation.Functions.Tests.Copy;

/// <summary>EC2 allows 50 tags per image: a copy's own tags always fit, the source's beyond the limit are dropped
/// (the same ones every time) and reported, and no step fails for ever because a tag does not fit.</summary>
public sealed class CopyTagLimitTests
{
    /// <summary>Lineage (3) + the start record (1) + room for copy-finished-at (1).</summary>
    private const int OurTags = 5;

    private static (CopyHarness Harness, string Source) SourceWith(int userTags)
    {
        var harness = new CopyHarness();
        return (harness, harness.AddSourceWithUserTags(userTags));
    }

    [Theory]
    [InlineData(47)]
    [InlineData(48)]
    [InlineData(50)]
    [InlineData(60)]
    public async Task SourceWithManyTags_CopyStartsAndFinishes_NothingFailsLater(int userTags)
    {
        var (harness, source) = SourceWith(userTags);

        var started = await harness.AvailableAsync(harness.Function(), source);
        harness.CopiesComplete();
        var copy = harness.SingleCopy(UsEast, source).ImageId;
        var finished = await harness.AvailableAsync(harness.Function(UsEast), copy, UsEast);

        Assert.Equal(1, started.Counts.Started);
        Assert.Equal(0, started.Counts.Failed);
        Assert.Equal(1, finished.Counts.Finished);
        Assert.Equal(0, finished.Counts.Failed);
        var tags = harness.Tags(UsEast, copy);
        Assert.True(tags.Count <= 50, $"{tags.Count} tags");
        Assert.Equal(source, tags[TagNames.SourceImage]);
        Assert.Equal(Home, tags[TagNames.SourceRegion]);
        Assert.True(tags.ContainsKey(TagNames.CopyFinishedAt));
        Assert.Equal(UsEast, tags[TagNames.CopyTo]);
        var inherited = tags.Keys.Count(k => k.StartsWith("tag-", StringComparison.Ordinal) || k == "team");
        Assert.Equal(Math.Min(userTags - 1, 50 - OurTags - 1), inherited);

        for (var run = 0; run < 3; run++)
        {
            harness.Advance(TimeSpan.FromHours(1));
            var destination = await harness.InvokeAsync(harness.Function(UsEast), Reconcile);
            var home = await harness.InvokeAsync(harness.Function(), Reconcile);
            Assert.Equal(0, destination.Counts.Failed);
            Assert.Equal(0, home.Counts.Failed);
            Assert.Empty(destination.Summary.Errors);
            Assert.Empty(home.Summary.Errors);
        }

        Assert.Equal(1, harness.CopyImageCalls(UsEast));
    }
}
