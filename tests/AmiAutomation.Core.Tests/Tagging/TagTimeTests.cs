using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Core.Tests.Tagging;

public class TagTimeTests
{
    [Theory]
    [InlineData("2025-01-31T12:00:00Z", "2025-01-31T12:00:00+00:00")]
    [InlineData("2025-01-31T12:00:00.250Z", "2025-01-31T12:00:00.25+00:00")]
    [InlineData("2025-01-31T14:00:00+02:00", "2025-01-31T12:00:00+00:00")]
    [InlineData("2025-01-31T12:00:00", "2025-01-31T12:00:00+00:00")]
    [InlineData("2025-01-31 12:00:00Z", "2025-01-31T12:00:00+00:00")]
    [InlineData(" 2025-01-31 ", "2025-02-01T00:00:00+00:00")]
    [InlineData("2025-01-31", "2025-02-01T00:00:00+00:00")]
    public void TryParse_Rfc3339OrDate_ReturnsUtcTime(string value, string expected)
    {
        Assert.True(TagTime.TryParse(value, out var time));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), time);
        Assert.Equal(TimeSpan.Zero, time.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("never")]
    [InlineData("1/31/2025")]
    [InlineData("31.01.2025")]
    [InlineData("2025-13-01")]
    [InlineData("2025-01-31Tnoon")]
    public void TryParse_NotATime_ReturnsFalse(string? value)
    {
        Assert.False(TagTime.TryParse(value, out _));
    }

    [Fact]
    public void Format_AnyOffset_WritesUtcRoundTrip()
    {
        var time = new DateTimeOffset(2025, 1, 31, 14, 5, 6, TimeSpan.FromHours(2));

        var text = TagTime.Format(time);

        Assert.Equal("2025-01-31T12:05:06Z", text);
        Assert.True(TagTime.TryParse(text, out var parsed));
        Assert.Equal(time, parsed);
    }

    /// <summary>Found by the extreme dates of the fleet generator: a bare 9999-12-31 used to throw (no following day)
    /// and crash every plan of the region.</summary>
    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("9999-12-31T23:59:59Z")]
    public void TryParse_LastRepresentableDate_IsFarFutureNotAnError(string value)
    {
        Assert.True(TagTime.TryParse(value, out var time));
        Assert.True(time > new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("0001-01-01T00:00:00Z")]
    public void TryParse_FirstRepresentableDate_IsLongPast(string value)
    {
        Assert.True(TagTime.TryParse(value, out var time));
        Assert.True(time < new DateTimeOffset(1, 1, 3, 0, 0, 0, TimeSpan.Zero));
    }
}
