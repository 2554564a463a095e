using AmiAutomation.Core.Restore;

namespace AmiAutomation.Core.Tests.Restore;

public sealed class SnapshotDescriptionsTests
{
    [Theory]
    [InlineData("Created by CreateImage(i-0123456789abcdef0) for ami-0a1b2c3d4e5f60718", "ami-0a1b2c3d4e5f60718")]
    [InlineData("Created by CreateImage(i-0123456789abcdef0) for ami-0a1b2c3d4e5f60718 from vol-0123456789abcdef0", "ami-0a1b2c3d4e5f60718")]
    [InlineData("Copied for DestinationAmi ami-0a1b2c3d4e5f60718 from SourceAmi ami-0fffffffffffffff0 for SourceSnapshot snap-0123456789abcdef0. Task created on 1,706,000,000,000.", "ami-0a1b2c3d4e5f60718")]
    [InlineData("nightly backup of ami-0a1b2c3d4e5f60718", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ImageIdIn_Description_FindsTheImageTheSnapshotBelongsTo(string? description, string? expected) =>
        Assert.Equal(expected, SnapshotDescriptions.ImageIdIn(description));

    [Fact]
    public void NamesImage_CopiedSnapshot_NeverNamesTheSourceImage()
    {
        const string description = "Copied for DestinationAmi ami-0000000000000000d from SourceAmi ami-0000000000000000a for SourceSnapshot snap-0000000000000000a";

        Assert.True(SnapshotDescriptions.NamesImage(description, "ami-0000000000000000d"));
        Assert.False(SnapshotDescriptions.NamesImage(description, "ami-0000000000000000a"));
    }

    [Fact]
    public void NamesImage_LongerIdWithSamePrefix_DoesNotMatch() =>
        Assert.False(SnapshotDescriptions.NamesImage("Created by CreateImage(i-01234567) for ami-0123456789abcdef0", "ami-0123456789"));
}
