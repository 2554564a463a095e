using AmiAutomation.Core.Families;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Families;

public class FamilyResolverTests
{
    [Fact]
    public void Resolve_FamilyTag_WinsOverName()
    {
        var image = TestImages.Image("ami-1", "web").WithTags((TagNames.Family, "  payments  "));

        Assert.Equal("payments", FamilyResolver.Default.Resolve(image));
    }

    [Fact]
    public void Resolve_BlankFamilyTag_FallsBackToName()
    {
        var image = TestImages.Image("ami-1", "web").WithTags((TagNames.Family, " "));

        Assert.Equal("web", FamilyResolver.Default.Resolve(image));
    }

    [Theory]
    [InlineData(@"^(?<family>[a-z]+)-", "web-prod-42", "web")]
    [InlineData(@"^(?<family>[a-z]+)-", "WEB-prod-42", "WEB-prod-42")]
    [InlineData(@"^(?<family>[a-z]*)-", "-x", "-x")]
    public void FromName_FamilyGroupPattern_SelectsGroupOrWholeName(string pattern, string name, string expected)
    {
        var resolver = new FamilyResolver(pattern);

        Assert.True(resolver.SelectsFamilyGroup);
        Assert.Equal(expected, resolver.FromName(name));
    }

    [Theory]
    [InlineData(@"-r\d+$", "web-r17", "web")]
    [InlineData(@"-r\d+$", "web-20240301", "web-20240301")]
    [InlineData(@"^.*$", "anything", "anything")]
    [InlineData(@"-(dev|prod)$", "web-1-prod", "web-1")]
    public void FromName_StripPattern_RemovesFirstMatch(string pattern, string name, string expected)
    {
        var resolver = new FamilyResolver(pattern);

        Assert.False(resolver.SelectsFamilyGroup);
        Assert.Equal(expected, resolver.FromName(name));
    }

    [Theory]
    [InlineData("(unclosed")]
    [InlineData("[z-a]")]
    [InlineData("   ")]
    [InlineData("")]
    public void Constructor_InvalidPattern_ThrowsNamingPattern(string pattern)
    {
        var ex = Assert.Throws<ArgumentException>(() => new FamilyResolver(pattern));

        Assert.Contains($"'{pattern}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidatePattern_Null_IsValid()
    {
        Assert.Null(FamilyResolver.ValidatePattern(null, "X.FamilyPattern"));
    }

    [Fact]
    public void ValidatePattern_Invalid_NamesFieldAndValue()
    {
        var error = FamilyResolver.ValidatePattern("a(b", "X.FamilyPattern");

        Assert.NotNull(error);
        Assert.StartsWith("X.FamilyPattern is not a valid regular expression (was 'a(b')", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("web-(\\d+", "a '(' is never closed")]
    [InlineData("web-\\d+)", "a ')' has no matching '('")]
    [InlineData("web-[a-z", "a '[' character class is never closed")]
    [InlineData("[z-a]", "a character range is reversed")]
    [InlineData("*web", "a quantifier (*, +, ? or {n}) follows nothing")]
    [InlineData("web\\", "the pattern ends with a lone '\\'")]
    [InlineData("\\q", "an unknown escape sequence")]
    public void ValidatePattern_Invalid_SaysWhatIsWrongInWords(string pattern, string words)
    {
        var error = FamilyResolver.ValidatePattern(pattern, "FAMILY_PATTERN");

        Assert.NotNull(error);
        Assert.StartsWith($"FAMILY_PATTERN is not a valid regular expression (was '{pattern}'): ", error, StringComparison.Ordinal);
        Assert.Contains(words, error, StringComparison.Ordinal);
    }
}
