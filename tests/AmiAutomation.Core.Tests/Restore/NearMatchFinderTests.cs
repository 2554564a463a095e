using AmiAutomation.Core.Restore;
using CsCheck;

namespace AmiAutomation.Core.Tests.Restore;

public sealed class NearMatchFinderTests
{
    private static readonly string[] Names =
    [
        "web-server-2026-01-15", "web-server-2026-02-01", "batch-worker-2026-01-20", "Web-Server-2025-12-01", "db-proxy-7",
    ];

    [Fact]
    public void Find_Typo_SuggestsTheCloseName()
    {
        var suggestions = NearMatchFinder.Find("web-sevrer-2026-01-15", Names);

        Assert.Equal("web-server-2026-01-15", suggestions[0]);
    }

    [Fact]
    public void Find_Prefix_SuggestsEveryNameStartingWithIt()
    {
        var suggestions = NearMatchFinder.Find("web-server", Names);

        Assert.Equal(["Web-Server-2025-12-01", "web-server-2026-01-15", "web-server-2026-02-01"], suggestions);
    }

    [Fact]
    public void Find_DifferentCase_RanksTheCaseInsensitiveEqualFirst()
    {
        var suggestions = NearMatchFinder.Find("WEB-SERVER-2026-01-15", Names);

        Assert.Equal("web-server-2026-01-15", suggestions[0]);
    }

    [Fact]
    public void Find_NothingClose_ReturnsNothing() =>
        Assert.Empty(NearMatchFinder.Find("completely-unrelated-name", Names));

    [Fact]
    public void Find_Max_LimitsAndDeduplicates()
    {
        var suggestions = NearMatchFinder.Find("web", [.. Names, .. Names], max: 2);

        Assert.Equal(2, suggestions.Count);
        Assert.Equal(suggestions.Distinct(StringComparer.Ordinal).Count(), suggestions.Count);
    }

    [Fact]
    public void Find_MistypedImageId_SuggestsTheId()
    {
        var suggestions = NearMatchFinder.Find("ami-0a1b2c3d4e5f60719", ["ami-0a1b2c3d4e5f60718", "ami-0fffffffffffffff0"]);

        Assert.Equal(["ami-0a1b2c3d4e5f60718"], suggestions);
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("flaw", "lawn", 2)]
    public void Distance_KnownPairs(string a, string b, int expected) =>
        Assert.Equal(expected, NearMatchFinder.Distance(a, b));

    [Fact]
    public void Distance_IsAMetric() =>
        Gen.Select(Gen.String[Gen.Char["abc"], 0, 8], Gen.String[Gen.Char["abc"], 0, 8], Gen.String[Gen.Char["abc"], 0, 8])
            .Sample((a, b, c) =>
                NearMatchFinder.Distance(a, a) == 0
                && NearMatchFinder.Distance(a, b) == NearMatchFinder.Distance(b, a)
                && NearMatchFinder.Distance(a, c) <= NearMatchFinder.Distance(a, b) + NearMatchFinder.Distance(b, c)
                && NearMatchFinder.Distance(a, b) >= Math.Abs(a.Length - b.Length));
}
