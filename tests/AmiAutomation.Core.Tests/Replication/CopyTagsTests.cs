using System.Globalization;
using AmiAutomation.Core.Replication;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Core.Tests.Support;
using static AmiAutomation.Core.Tests.Replication.ReplicationTestData;

namespace AmiAutomation.Core.Tests.Replication;

public class CopyTagsTests
{
    private static (string, string)[] UserTags(int count) =>
        [.. Enumerable.Range(0, count).Select(i => (string.Create(CultureInfo.InvariantCulture, $"tag-{i:00}"), "v"))];

    [Fact]
    public void For_FewTagsNothingExcluded_LetsEc2CopyThem()
    {
        var plan = CopyTags.For(Source(tags: UserTags(10)));

        Assert.True(plan.CopyImageTags);
        Assert.Equal(3, plan.Tags.Count);
        Assert.Empty(plan.Dropped);
    }

    [Theory]
    [InlineData(46, 0)]
    [InlineData(47, 1)]
    [InlineData(50, 4)]
    [InlineData(60, 14)]
    public void For_TooManyTags_OursFitAndTheLastKeysAreDropped(int count, int dropped)
    {
        var plan = CopyTags.For(Source(tags: UserTags(count)));

        Assert.Equal(dropped > 0 ? false : true, plan.CopyImageTags);
        Assert.True(plan.Tags.Count + (plan.CopyImageTags ? count : 0) + CopyTags.ReservedForFinish <= CopyTags.MaxTagsPerResource);
        Assert.Equal(TagNames.ManagedByValue, plan.Tags[TagNames.ManagedBy]);
        Assert.Equal(Enumerable.Range(count - dropped, dropped).Select(i => string.Create(CultureInfo.InvariantCulture, $"tag-{i:00}")), plan.Dropped);
    }

    [Fact]
    public void For_SameSourceTwice_SameDrops()
    {
        var source = Source(tags: UserTags(55));

        Assert.Equal(CopyTags.For(source).Dropped, CopyTags.For(source).Dropped);
    }

    [Fact]
    public void For_LifecycleTagsOfTheSourceComeFirst()
    {
        var source = Source(tags: [.. UserTags(50), (TagNames.Keep, "true"), (TagNames.Family, "web")]);

        var plan = CopyTags.For(source);

        Assert.Equal("true", plan.Tags[TagNames.Keep]);
        Assert.Equal("web", plan.Tags[TagNames.Family]);
    }

    [Theory]
    [InlineData(TagNames.RecycleBin, TagNames.RecycleBinValue)]
    [InlineData(TagNames.RestoredAt, "2025-05-01T00:00:00Z")]
    [InlineData(TagNames.CopyFinishedAt, "2025-05-01T00:00:00Z")]
    [InlineData(CopyRecord.Key, "deprecate=none shares=0")]
    public void For_SourceStateAndControlTags_NeverInherited(string key, string value)
    {
        var plan = CopyTags.For(Source(tags: [("team", "web"), (key, value)]));

        Assert.False(plan.CopyImageTags);
        Assert.Equal("web", plan.Tags["team"]);
        Assert.DoesNotContain(key, plan.Tags.Keys);
        Assert.Empty(plan.Dropped);
    }

    [Fact]
    public void For_AwsTags_NeitherSentNorCounted()
    {
        var plan = CopyTags.For(Source(tags: [.. UserTags(46), ("aws:dlm:lifecycle-policy-id", "p")]));

        Assert.True(plan.CopyImageTags);
        Assert.Empty(plan.Dropped);
    }

    [Fact]
    public void ToMakeRoom_FullCopy_DropsTheLastInheritedKey_NeverOurs()
    {
        var copy = CopyOf(Source(), "us-east-1", "ami-00000000000000c01").WithTags(UserTags(47));

        Assert.Equal(["tag-46"], CopyTags.ToMakeRoom(copy, [TagNames.CopyFinishedAt]));
        Assert.Empty(CopyTags.ToMakeRoom(copy, [TagNames.SourceImage]));
    }

    [Fact]
    public void ToMakeRoom_RoomLeft_Nothing()
    {
        var copy = CopyOf(Source(), "us-east-1", "ami-00000000000000c01").WithTags(UserTags(46));

        Assert.Empty(CopyTags.ToMakeRoom(copy, [TagNames.CopyFinishedAt]));
    }
}
