using AmiAutomation.Core.Replication;

namespace AmiAutomation.Core.Tests.Replication;

public class CopyClientTokenTests
{
    [Fact]
    public void For_SameInputs_SameToken()
    {
        Assert.Equal(CopyClientToken.For("ami-0123456789abcdef0", "us-east-1"), CopyClientToken.For("ami-0123456789abcdef0", "us-east-1"));
    }

    [Fact]
    public void For_FirstAttempt_IsHexSha256OfSourceAndDestination()
    {
        // echo -n "ami-lifecycle-copy|ami-0123456789abcdef0|us-east-1" | sha256sum
        Assert.Equal(
            "e48a36ab7e32e4fb833be055672b03543c0f5b2209d287b4266623003a2929d3",
            CopyClientToken.For("ami-0123456789abcdef0", "us-east-1"));
    }

    [Theory]
    [InlineData("ami-0123456789abcdef0", "us-east-1", 1, "ami-0123456789abcdef1", "us-east-1", 1)]
    [InlineData("ami-0123456789abcdef0", "us-east-1", 1, "ami-0123456789abcdef0", "us-east-2", 1)]
    [InlineData("ami-0123456789abcdef0", "us-east-1", 1, "ami-0123456789abcdef0", "us-east-1", 2)]
    public void For_DifferentSourceRegionOrAttempt_DifferentToken(string source1, string region1, int attempt1, string source2, string region2, int attempt2)
    {
        Assert.NotEqual(CopyClientToken.For(source1, region1, attempt1), CopyClientToken.For(source2, region2, attempt2));
    }

    [Fact]
    public void For_Always_LowerHexWithinEc2Limit()
    {
        var token = CopyClientToken.For("ami-0123456789abcdef0", "ap-southeast-3", 7);
        Assert.InRange(token.Length, 1, CopyClientToken.MaxLength);
        Assert.Matches("^[0-9a-f]+$", token);
    }

    [Fact]
    public void ForRenamed_DiffersFromTheAttemptsOwnToken()
    {
        Assert.NotEqual(CopyClientToken.For("ami-0123456789abcdef0", "us-east-1", 2), CopyClientToken.ForRenamed("ami-0123456789abcdef0", "us-east-1", 2));
    }

    [Fact]
    public void For_ZeroAttempt_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CopyClientToken.For("ami-0123456789abcdef0", "us-east-1", 0));
    }
}
