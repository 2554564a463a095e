namespace AmiAutomation.Functions.Tests.Common;

/// <summary>A manual run naming image ids that are not the account's images in the region says so, instead of dropping
/// them silently (they never appear among the decisions, which cover the account's own images).</summary>
public sealed class UnmatchedImageIdsTests
{
    private readonly SweepHarness _h = new();

    [Fact]
    public async Task ManualRun_UnknownAndForeignIds_ListedAndWarned_OwnImageJudged()
    {
        var own = _h.AddImage(b => b.Named("web-1").CreatedDaysAgo(200));
        var foreign = _h.AddImage(b => b.Named("other-1").OwnedBy("210987654321").Public().CreatedDaysAgo(200));
        const string missing = "ami-0123456789abcdef0";

        var summary = await _h.InvokeAsync(_h.Deprecate(), $$"""{"imageIds": ["{{own}}", "{{foreign}}", "{{missing}}"]}""");

        Assert.Equal(new[] { foreign, missing }.Order(StringComparer.Ordinal), summary.UnmatchedImageIds);
        var warning = Assert.Single(summary.Warnings);
        Assert.Contains("NotFound or NotOwned", warning, StringComparison.Ordinal);
        Assert.Contains(missing, warning, StringComparison.Ordinal);
        Assert.Contains(summary.Decisions, d => d.ImageId == own);
        Assert.DoesNotContain(summary.Decisions, d => d.ImageId == foreign || d.ImageId == missing);
    }

    [Fact]
    public async Task ManualRun_AllIdsOwned_NothingUnmatched()
    {
        var own = _h.AddImage(b => b.Named("web-1").CreatedDaysAgo(200));

        var summary = await _h.InvokeAsync(_h.Deprecate(), $$"""{"imageIds": ["{{own}}"]}""");

        Assert.Empty(summary.UnmatchedImageIds);
        Assert.Empty(summary.Warnings);
    }
}
