using AmiAutomation.Core.Restorability;

namespace AmiAutomation.Core.Tests.Restorability;

/// <summary>
/// Rule matching as the Recycle Bin documents it: a tag-level rule keeps a resource carrying any one of its pairs; a
/// region-level rule keeps everything of its type except a resource carrying an exclusion pair; a key-only pair is
/// never a sure match.
/// </summary>
public class RetentionRuleMatcherTests
{
    private static readonly Dictionary<string, string> Tagged = new(StringComparer.Ordinal) { ["team"] = "web", ["env"] = "prod" };

    private static RetentionRule TagLevel(params (string Key, string? Value)[] pairs) =>
        new("rule-tag", RetentionResourceType.Ec2Image, 7, IsAvailable: true) { ResourceTags = [.. pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))] };

    private static RetentionRule RegionLevel(params (string Key, string? Value)[] excluded) =>
        new("rule-region", RetentionResourceType.Ec2Image, 7, IsAvailable: true) { ExcludeResourceTags = [.. excluded.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))] };

    [Fact]
    public void Match_TagLevel_OnePairOfSeveralCarried_Yes() =>
        Assert.Equal(RuleMatch.Yes, RetentionRuleMatcher.Match(TagLevel(("owner", "x"), ("env", "prod")), Tagged));

    [Fact]
    public void Match_TagLevel_ValueDiffers_No() =>
        Assert.Equal(RuleMatch.No, RetentionRuleMatcher.Match(TagLevel(("env", "dev")), Tagged));

    [Fact]
    public void Match_TagLevel_ValueDiffersOnlyInCase_No() =>
        Assert.Equal(RuleMatch.No, RetentionRuleMatcher.Match(TagLevel(("env", "PROD")), Tagged));

    [Fact]
    public void Match_TagLevel_KeyAbsent_No() =>
        Assert.Equal(RuleMatch.No, RetentionRuleMatcher.Match(TagLevel(("owner", null)), Tagged));

    [Fact]
    public void Match_TagLevel_KeyOnlyPairCarried_Uncertain() =>
        Assert.Equal(RuleMatch.Uncertain, RetentionRuleMatcher.Match(TagLevel(("env", null)), Tagged));

    [Fact]
    public void Match_TagLevel_KeyOnlyThenNonMatchingPair_StaysUncertain() =>
        Assert.Equal(RuleMatch.Uncertain, RetentionRuleMatcher.Match(TagLevel(("env", null), ("team", "db")), Tagged));

    [Fact]
    public void Match_TagLevel_KeyOnlyThenSurePair_Yes() =>
        Assert.Equal(RuleMatch.Yes, RetentionRuleMatcher.Match(TagLevel(("env", null), ("team", "web")), Tagged));

    [Fact]
    public void Match_RegionLevel_NoExclusions_Yes() =>
        Assert.Equal(RuleMatch.Yes, RetentionRuleMatcher.Match(RegionLevel(), Tagged));

    [Fact]
    public void Match_RegionLevel_ExclusionPairCarried_No() =>
        Assert.Equal(RuleMatch.No, RetentionRuleMatcher.Match(RegionLevel(("owner", "x"), ("env", "prod")), Tagged));

    [Fact]
    public void Match_RegionLevel_ExclusionValueDiffers_Yes() =>
        Assert.Equal(RuleMatch.Yes, RetentionRuleMatcher.Match(RegionLevel(("env", "dev")), Tagged));

    [Fact]
    public void Match_RegionLevel_KeyOnlyExclusionCarried_Uncertain() =>
        Assert.Equal(RuleMatch.Uncertain, RetentionRuleMatcher.Match(RegionLevel(("env", null)), Tagged));

    [Fact]
    public void Match_RegionLevel_KeyOnlyThenSureExclusion_No() =>
        Assert.Equal(RuleMatch.No, RetentionRuleMatcher.Match(RegionLevel(("env", null), ("team", "web")), Tagged));

    [Fact]
    public void Match_RegionLevel_KeyOnlyThenUnmatchedExclusion_StaysUncertain() =>
        Assert.Equal(RuleMatch.Uncertain, RetentionRuleMatcher.Match(RegionLevel(("env", null), ("team", "db")), Tagged));

    [Fact]
    public void ExcludedBy_RegionLevel_NamesTheFirstCarriedPair() =>
        Assert.Equal("env=prod", RetentionRuleMatcher.ExcludedBy(RegionLevel(("owner", "x"), ("env", "prod"), ("team", "web")), Tagged));

    [Fact]
    public void ExcludedBy_RegionLevel_KeyOnlyPair_SaysAnyValue() =>
        Assert.Equal("env (any value)", RetentionRuleMatcher.ExcludedBy(RegionLevel(("env", null)), Tagged));

    [Fact]
    public void ExcludedBy_RegionLevel_NothingCarried_Null() =>
        Assert.Null(RetentionRuleMatcher.ExcludedBy(RegionLevel(("env", "dev")), Tagged));

    [Fact]
    public void ExcludedBy_TagLevelRule_Null() =>
        Assert.Null(RetentionRuleMatcher.ExcludedBy(TagLevel(("env", "prod")) with { ExcludeResourceTags = [new("env", "prod")] }, Tagged));
}
