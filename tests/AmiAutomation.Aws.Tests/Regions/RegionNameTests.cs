using AmiAutomation.Aws.Regions;

namespace AmiAutomation.Aws.Tests.Regions;

public sealed class RegionNameTests
{
    [Theory]
    [InlineData("us-east-1")]
    [InlineData("eu-central-2")]
    [InlineData("ap-southeast-5")]
    [InlineData("us-gov-west-1")]
    [InlineData("us-iso-east-1")]
    [InlineData("us-isob-east-1")]
    [InlineData("cn-northwest-1")]
    [InlineData("il-central-1")]
    public void IsValid_RealRegions_True(string region) => Assert.True(RegionName.IsValid(region));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("US-EAST-1")]
    [InlineData("us-east")]
    [InlineData("useast1")]
    [InlineData("us-east-1 ")]
    [InlineData("us-east-1a")]
    [InlineData("eu-west-1,us-east-1")]
    [InlineData("../us-east-1")]
    [InlineData("us-east-1\n")]
    public void IsValid_NotRegions_False(string? region) => Assert.False(RegionName.IsValid(region));

    [Fact]
    public void Validate_Invalid_ThrowsNamingTheValue()
    {
        var ex = Assert.Throws<InvalidRegionException>(() => RegionName.Validate("mars-north-1a"));

        Assert.Equal("mars-north-1a", ex.Region);
        Assert.Contains("'mars-north-1a' is not an AWS region name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Valid_ReturnsIt() => Assert.Equal("eu-west-1", RegionName.Validate("eu-west-1"));
}
