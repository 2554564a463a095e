using AmiAutomation.Core.Images;

namespace AmiAutomation.Core.Tests.Images;

public sealed class ImageTagsTests
{
    private static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);

    [Fact]
    public void From_Pairs_LooksUpOrdinallyAndKeepsTheGivenOrder()
    {
        var tags = ImageTags.From([Pair("team", "web"), Pair("Name", "web-1"), Pair("empty", "")]);

        Assert.Equal(3, tags.Count);
        Assert.Equal("web", tags["team"]);
        Assert.True(tags.TryGetValue("empty", out var empty));
        Assert.Equal(string.Empty, empty);
        Assert.False(tags.ContainsKey("TEAM"));
        Assert.False(tags.TryGetValue("name", out _));
        Assert.Equal(["team", "Name", "empty"], tags.Keys);
        Assert.Equal(["web", "web-1", ""], tags.Values);
        Assert.Equal([Pair("team", "web"), Pair("Name", "web-1"), Pair("empty", "")], tags);
    }

    [Fact]
    public void From_RepeatedKey_KeepsTheLastValueOnceLikeADictionary()
    {
        var tags = ImageTags.From([Pair("team", "web"), Pair("env", "prod"), Pair("team", "data")]);

        Assert.Equal(2, tags.Count);
        Assert.Equal("data", tags["team"]);
        Assert.Equal(["team", "env"], tags.Keys);
    }

    [Fact]
    public void From_Nothing_IsTheSharedEmptyInstance()
    {
        Assert.Same(ImageTags.Empty, ImageTags.From([]));
        Assert.Empty(ImageTags.Empty);
        Assert.Same(ImageTags.Empty, new AmiImage { ImageId = "ami-1", Region = "eu-west-1", Name = "n", OwnerId = "1", CreationDate = DateTimeOffset.UnixEpoch, State = ImageState.Available }.Tags);
    }

    [Fact]
    public void Indexer_MissingKey_ThrowsNamingTheKey()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => ImageTags.From([Pair("team", "web")])["owner"]);

        Assert.Contains("'owner'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_SourceChangedAfterwards_TagsUnchanged()
    {
        var source = new Dictionary<string, string>(StringComparer.Ordinal) { ["team"] = "web" };
        var tags = ImageTags.From(source);

        source["team"] = "data";
        source["new"] = "x";

        Assert.Equal([Pair("team", "web")], tags);
    }

    [Fact]
    public void From_NullKey_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ImageTags.From([Pair(null!, "x")]));
    }
}
