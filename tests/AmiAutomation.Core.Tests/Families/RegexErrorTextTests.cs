using AmiAutomation.Core.Families;

namespace AmiAutomation.Core.Tests.Families;

/// <summary>A bad FAMILY_PATTERN is explained in words, never with the framework's message (a resource key under the
/// AOT bootstrap's UseSystemResourceKeys).</summary>
public sealed class RegexErrorTextTests
{
    [Theory]
    [InlineData("web-(", "'(' is never closed")]
    [InlineData("web-)", "')' has no matching '('")]
    [InlineData("[a-z", "'[' character class is never closed")]
    [InlineData("*-\\d+", "quantifier (*, +, ? or {n}) follows nothing")]
    [InlineData("[z-a]", "range is reversed")]
    [InlineData("web\\", "ends with a lone '\\'")]
    [InlineData("(?<1bad>x)", "group name is invalid")]
    public void ValidatePattern_Invalid_SaysWhatIsWrongInWords(string pattern, string expected)
    {
        var error = FamilyResolver.ValidatePattern(pattern, "FAMILY_PATTERN");

        Assert.NotNull(error);
        Assert.StartsWith($"FAMILY_PATTERN is not a valid regular expression (was '{pattern}'): ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("near character", error, StringComparison.Ordinal);
    }
}
