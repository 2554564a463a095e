using AmiAutomation.Core.Restore;

namespace AmiAutomation.Core.Tests.Restore;

public sealed class ResourceIdFormatTests
{
    [Theory]
    [InlineData("ami-0123abcd", true)]
    [InlineData("ami-0123456789abcdef0", true)]
    [InlineData("ami-0123456789ABCDEF0", false)]
    [InlineData("ami-0123abc", false)]
    [InlineData("ami-0123456789abcdef01", false)]
    [InlineData("snap-0123456789abcdef0", false)]
    [InlineData(" ami-0123abcd", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsImageId_Value_MatchesEc2Format(string? value, bool expected) =>
        Assert.Equal(expected, ResourceIdFormat.IsImageId(value));

    [Theory]
    [InlineData("snap-0123456789abcdef0", true)]
    [InlineData("snap-01234567", true)]
    [InlineData("ami-0123456789abcdef0", false)]
    [InlineData("snap-xyz", false)]
    public void IsSnapshotId_Value_MatchesEc2Format(string value, bool expected) =>
        Assert.Equal(expected, ResourceIdFormat.IsSnapshotId(value));
}
