using AmiAutomation.Aws.Mapping;

namespace AmiAutomation.Aws.Tests.Mapping;

public sealed class Ec2TimeTests
{
    [Fact]
    public void ToRequestTime_AnyOffset_IsUtcKindAndSameInstant()
    {
        var value = new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.FromHours(2));

        var request = Ec2Time.ToRequestTime(value);

        Assert.Equal(DateTimeKind.Utc, request.Kind);
        Assert.Equal(new DateTime(2026, 3, 4, 10, 0, 0, DateTimeKind.Utc), request);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Parse_Blank_IsNull(string? value) => Assert.Null(Ec2Time.Parse(value, "X"));

    [Fact]
    public void Format_ThenParse_RoundTrips()
    {
        var value = new DateTimeOffset(2026, 3, 4, 10, 15, 30, 123, TimeSpan.Zero);

        Assert.Equal(value, Ec2Time.Parse(Ec2Time.Format(value), "X"));
    }
}
