using AmiAutomation.Aws.Replication;

namespace AmiAutomation.Aws.Tests.Replication;

public sealed class KnownRegionsTests
{
    [Theory]
    [InlineData("eu-west-1", true)]
    [InlineData("us-east-1", true)]
    [InlineData("ap-southeast-3", true)]
    [InlineData("us-gov-west-1", true)]
    [InlineData("cn-north-1", true)]
    [InlineData("eu-wst-1", false)]
    [InlineData("mars-north-1", false)]
    [InlineData("EU-WEST-1", false)]
    [InlineData("us-east-1-regional", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsKnown_RealRegionsOnly(string? region, bool known)
    {
        Assert.Equal(known, KnownRegions.IsKnown(region));
    }

    [Fact]
    public void All_HasTheCommercialRegions()
    {
        Assert.True(KnownRegions.All.Count >= 30);
        Assert.Contains("eu-central-1", KnownRegions.All);
    }
}
