using AmiAutomation.Core.Families;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Families;

public class FamilyResolverTests
{
    [Theory]
    [InlineData("web-2024.03.01", "web")]
    [InlineData("web-20240301", "web")]
    [InlineData("web-20240301T1200Z", "web")]
    [InlineData("web-20240301T120000Z", "web")]
    [InlineData("web-20240301-1200", "web")]
    [InlineData("web-202403011200", "web")]
    [InlineData("web-2024-03-01", "web")]
    [InlineData("web-2024-03-01T12-00-00Z", "web")]
    [InlineData("web-2024-03-01T12:00Z", "web")]
    [InlineData("web_1.2.3", "web")]
    [InlineData("web-v12", "web")]
    [InlineData("web-V1.2", "web")]
    [InlineData("web-1712345678", "web")]
    [InlineData("web-1712345678123", "web")]
    [InlineData("web-build-123", "web")]
    [InlineData("web_build_7", "web")]
    [InlineData("web-2025.03.18-6", "web")]
    [InlineData("web-20250318_12", "web")]
    [InlineData("web--20240301--", "web")]
    [InlineData("web 20240301", "web")]
    [InlineData("api.server.1.0", "api.server")]
    [InlineData("ubuntu-22.04-20240301", "ubuntu-22.04")]
    [InlineData("my-app-v2-1.0", "my-app-v2")]
    [InlineData("centos-7", "centos-7")]
    [InlineData("web-2024", "web-2024")]
    [InlineData("web", "web")]
    [InlineData("web-prod", "web-prod")]
    [InlineData("20240301", "20240301")]
    [InlineData("-20240301", "-20240301")]
    [InlineData("amzn2-ami-hvm-2.0.20240306.2-x86_64-gp2", "amzn2-ami-hvm-2.0.20240306.2-x86_64-gp2")]
    public void FromName_DefaultPattern_StripsOneTrailingVersion(string name, string expected)
    {
        Assert.Equal(expected, FamilyResolver.Default.FromName(name));
    }

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
}
