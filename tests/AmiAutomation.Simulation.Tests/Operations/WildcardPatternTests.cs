using AmiAutomation.Simulation.Operations;

namespace AmiAutomation.Simulation.Tests.Operations;

public sealed class WildcardPatternTests
{
    [Theory]
    [InlineData("web-*", "web-2024.03.01", true)]
    [InlineData("web-*", "api-1", false)]
    [InlineData("*", "", true)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "ac", false)]
    [InlineData("*-1.2.*", "base-al2023-1.2.3", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    [InlineData(@"a\*", "a*", true)]
    [InlineData(@"a\*", "ab", false)]
    [InlineData("Web", "web", false)]
    [InlineData("exact", "exact", true)]
    public void IsMatch(string pattern, string value, bool expected)
    {
        Assert.Equal(expected, new WildcardPattern(pattern).IsMatch(value));
    }

    [Fact]
    public void Literal_OnlyWithoutWildcards()
    {
        Assert.Equal("ami-1", new WildcardPattern("ami-1").Literal);
        Assert.Null(new WildcardPattern("ami-*").Literal);
    }
}
