using AmiAutomation.Simulation.Seeding;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Operations;

public sealed class TagOperationsTests
{
    [Fact]
    public async Task CreateTags_OverwritesAndAllowsEmptyValues_OnImagesSnapshotsInstances()
    {
        var world = new TestWorld();
        var image = world.Image(b => b.Tagged("env", "dev"));
        var snapshot = world.Simulator.SnapshotIdsOf(TestWorld.East, image).Single();
        var instance = world.Simulator.AddInstance(TestWorld.East, image);

        await world.EastClient.CreateTagsAsync(new CreateTagsRequest { Resources = [image, snapshot, instance], Tags = [new Tag("env", "prod"), new Tag("empty", string.Empty)] });

        foreach (var id in new[] { image, snapshot, instance })
        {
            var tags = world.Simulator.TagsOf(TestWorld.East, id);
            Assert.Equal("prod", tags["env"]);
            Assert.Equal(string.Empty, tags["empty"]);
        }
    }

    [Fact]
    public async Task CreateTags_AwsPrefix_Malformed()
    {
        var world = new TestWorld();
        var image = world.Image();

        var error = await Errors.Expect("InvalidTagKey.Malformed", () => world.EastClient.CreateTagsAsync(new CreateTagsRequest { Resources = [image], Tags = [new Tag("AWS:thing", "x")] }));

        Assert.Contains("AWS:thing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateTags_MoreThan50_TagLimitExceeded_NothingApplied()
    {
        var world = new TestWorld();
        var image = world.Image(b => b.Tagged(Enumerable.Range(0, 45).Select(i => new KeyValuePair<string, string>($"k{i}", "v"))));

        await world.EastClient.CreateTagsAsync(new CreateTagsRequest { Resources = [image], Tags = Enumerable.Range(40, 10).Select(i => new Tag($"k{i}", "w")).ToList() });
        Assert.Equal(50, world.Simulator.TagsOf(TestWorld.East, image).Count);
        await Errors.Expect("TagLimitExceeded", () => world.EastClient.CreateTagsAsync(new CreateTagsRequest { Resources = [image], Tags = [new Tag("one-more", "x")] }));

        Assert.False(world.Simulator.TagsOf(TestWorld.East, image).ContainsKey("one-more"));
    }

    [Fact]
    public async Task CreateTags_UnknownOrBadIds_NothingApplied()
    {
        var world = new TestWorld();
        var image = world.Image();

        await Errors.Expect("InvalidAMIID.NotFound", () => world.EastClient.CreateTagsAsync(new CreateTagsRequest { Resources = [image, "ami-0123456789abcdef0"], Tags = [new Tag("k", "v")] }));
        await Errors.Expect("InvalidSnapshot.NotFound", () => world.EastClient.CreateTagsAsync(new CreateTagsRequest { Resources = ["snap-0123456789abcdef0"], Tags = [new Tag("k", "v")] }));
        await Errors.Expect("InvalidID", () => world.EastClient.CreateTagsAsync(new CreateTagsRequest { Resources = ["thing-1"], Tags = [new Tag("k", "v")] }));

        Assert.Empty(world.Simulator.TagsOf(TestWorld.East, image));
    }

    [Fact]
    public async Task CreateTags_WorksOnBinnedImages()
    {
        var world = new TestWorld();
        world.Simulator.AddRecycleBinRule(TestWorld.East, new RecycleBinRule(RecycleBinResourceType.Ec2Image, 7));
        var image = world.Image();
        await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = image });

        await world.EastClient.CreateTagsAsync(new CreateTagsRequest { Resources = [image], Tags = [new Tag("note", "binned")] });

        Assert.Equal("binned", world.Simulator.TagsOf(TestWorld.East, image)["note"]);
    }

    [Fact]
    public async Task DeleteTags_ByKeyByValueAndAll()
    {
        var world = new TestWorld();
        var image = world.Image(b => b.Tagged("a", "1").Tagged("b", "2").Tagged("c", "3"));

        await world.EastClient.DeleteTagsAsync(new DeleteTagsRequest { Resources = [image], Tags = [new Tag { Key = "a" }, new Tag("b", "not-2")] });
        Assert.Equal(["b", "c"], world.Simulator.TagsOf(TestWorld.East, image).Keys.Order());

        await world.EastClient.DeleteTagsAsync(new DeleteTagsRequest { Resources = [image], Tags = [new Tag("b", "2")] });
        Assert.Equal(["c"], world.Simulator.TagsOf(TestWorld.East, image).Keys);

        await world.EastClient.DeleteTagsAsync(new DeleteTagsRequest { Resources = [image] });
        Assert.Empty(world.Simulator.TagsOf(TestWorld.East, image));
    }

    [Fact]
    public async Task DeleteTags_AwsTagsAreNotUserDeletable()
    {
        var world = new TestWorld();
        var image = world.Image(b => b.Tagged("aws:dlm:lifecycle-policy-id", "policy-1").Tagged("mine", "x"));

        await world.EastClient.DeleteTagsAsync(new DeleteTagsRequest { Resources = [image] });

        Assert.Equal(["aws:dlm:lifecycle-policy-id"], world.Simulator.TagsOf(TestWorld.East, image).Keys);
        await Errors.Expect("InvalidTagKey.Malformed", () => world.EastClient.DeleteTagsAsync(new DeleteTagsRequest { Resources = [image], Tags = [new Tag { Key = "aws:dlm:lifecycle-policy-id" }] }));
    }
}
