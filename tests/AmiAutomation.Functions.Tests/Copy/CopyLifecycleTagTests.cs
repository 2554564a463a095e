using AmiAutomation.Core.Tagging;
using static AmiAutomation.Functions.Tests.Copy.CopyHarness;

namespace AmiAutomation.Functions.Tests.Copy;

/// <summary>A copy is a new image with a lifecycle of its own: the source's per-image lifecycle state (the Recycle Bin
/// mark the retention rules match, the restore time) is never inherited.</summary>
public sealed class CopyLifecycleTagTests
{
    [Fact]
    public async Task SourceCarriesRecycleBinAndRestoreMarks_CopyCarriesNeither_UserTagsKept()
    {
        var harness = new CopyHarness();
        var source = harness.AddSource(UsEast, b => b
            .Tagged(TagNames.RecycleBin, TagNames.RecycleBinValue)
            .Tagged(TagNames.RestoredAt, "2026-03-01T00:00:00Z")
            .Tagged(TagNames.Family, "web"));

        await harness.AvailableAsync(harness.Function(), source);

        var tags = harness.Tags(UsEast, harness.SingleCopy(UsEast, source).ImageId);
        Assert.False(tags.ContainsKey(TagNames.RecycleBin));
        Assert.False(tags.ContainsKey(TagNames.RestoredAt));
        Assert.Equal("web", tags["team"]);
        Assert.Equal("web", tags[TagNames.Family]);
        Assert.Equal(source, tags[TagNames.SourceImage]);
    }
}
