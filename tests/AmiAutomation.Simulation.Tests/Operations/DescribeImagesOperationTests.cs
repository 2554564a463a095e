using AmiAutomation.Simulation.Seeding;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Operations;

public sealed class DescribeImagesOperationTests
{
    private const string Foreign = "999988887777";

    private static async Task<List<string>> Ids(TestWorld world, DescribeImagesRequest request) =>
        (await world.EastClient.DescribeImagesAsync(request)).Images?.Select(i => i.ImageId).ToList() ?? [];

    [Fact]
    public async Task OwnersSelf_ReturnsOwnImagesIncludingDeprecated_NotForeignPublicOnes()
    {
        var world = new TestWorld();
        var mine = world.Image();
        var mineDeprecated = world.Image(b => b.DeprecatedAt(TestWorld.Start.AddDays(-1)));
        world.Image(b => b.OwnedBy(Foreign).Public());

        var ids = await Ids(world, new DescribeImagesRequest { Owners = ["self"] });

        Assert.Equal([mine, mineDeprecated], ids);
        Assert.Equal(ids, await Ids(world, new DescribeImagesRequest { Owners = [world.Simulator.AccountId] }));
    }

    [Fact]
    public async Task Disabled_HiddenEvenFromOwnerAndById_UnlessIncludeDisabled()
    {
        var world = new TestWorld();
        var disabled = world.Image(b => b.Disabled());

        Assert.Empty(await Ids(world, new DescribeImagesRequest { Owners = ["self"] }));
        Assert.Empty(await Ids(world, new DescribeImagesRequest { ImageIds = [disabled] }));
        Assert.Equal([disabled], await Ids(world, new DescribeImagesRequest { Owners = ["self"], IncludeDisabled = true }));
        var image = (await world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [disabled], IncludeDisabled = true })).Images.Single();
        Assert.Equal(ImageState.Disabled, image.State);
    }

    [Fact]
    public async Task ForeignDeprecated_HiddenUnlessIncludeDeprecatedOrAskedById()
    {
        var world = new TestWorld();
        var deprecated = world.Image(b => b.OwnedBy(Foreign).Public().DeprecatedAt(TestWorld.Start.AddMinutes(-1)));
        var scheduled = world.Image(b => b.OwnedBy(Foreign).Public().DeprecatedAt(TestWorld.Start.AddDays(1)));

        Assert.Equal([scheduled], await Ids(world, new DescribeImagesRequest { Owners = [Foreign] }));
        Assert.Equal([deprecated, scheduled], await Ids(world, new DescribeImagesRequest { Owners = [Foreign], IncludeDeprecated = true }));
        Assert.Equal([deprecated], await Ids(world, new DescribeImagesRequest { ImageIds = [deprecated] }));

        world.Time.Advance(TimeSpan.FromDays(2));
        Assert.Empty(await Ids(world, new DescribeImagesRequest { Owners = [Foreign] }));
    }

    [Fact]
    public async Task NoOwners_ReturnsOwnSharedAndPublic_NotPrivateForeign()
    {
        var world = new TestWorld();
        var mine = world.Image();
        var shared = world.Image(b => b.OwnedBy(Foreign).SharedWithAccount(world.Simulator.AccountId));
        var pub = world.Image(b => b.OwnedBy(Foreign).Public());
        var hidden = world.Image(b => b.OwnedBy(Foreign));

        Assert.Equal([mine, shared, pub], await Ids(world, new DescribeImagesRequest()));
        Assert.Equal([pub], await Ids(world, new DescribeImagesRequest { ExecutableUsers = ["all"] }));
        Assert.Equal([shared], await Ids(world, new DescribeImagesRequest { ExecutableUsers = ["self"] }));
        var error = await Errors.Expect("InvalidAMIID.NotFound", () => world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [hidden] }));
        Assert.Contains(hidden, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImageIds_UnknownNotFound_MalformedRejected_DeregisteredSilentlyOmitted()
    {
        var world = new TestWorld();
        var kept = world.Image();
        var gone = world.Image();
        await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = gone });

        var notFound = await Errors.Expect("InvalidAMIID.NotFound", () => world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [kept, "ami-0123456789abcdef0"] }));
        Assert.Contains("ami-0123456789abcdef0", notFound.Message, StringComparison.Ordinal);
        await Errors.Expect("InvalidAMIID.Malformed", () => world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["bogus"] }));
        Assert.Equal([kept], await Ids(world, new DescribeImagesRequest { ImageIds = [kept, gone] }));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, notFound.StatusCode);
    }

    [Fact]
    public async Task ImageIds_CombineWithOwnersAndFilters_UnlikeMoto()
    {
        var world = new TestWorld();
        var web = world.Image(b => b.Named("web-1"));
        var api = world.Image(b => b.Named("api-1"));

        var ids = await Ids(world, new DescribeImagesRequest { ImageIds = [web, api], Filters = [new Filter("name", ["web-*"])] });

        Assert.Equal([web], ids);
    }

    [Theory]
    [InlineData("name", "web-*", new[] { 0, 1 })]
    [InlineData("name", "web-?", new[] { 0 })]
    [InlineData("name", "web-1?", new[] { 1 })]
    [InlineData("tag:team", "blue", new[] { 0 })]
    [InlineData("tag:team", "*", new[] { 0, 2 })]
    [InlineData("tag-key", "team", new[] { 0, 2 })]
    [InlineData("state", "available", new[] { 0, 1, 2 })]
    [InlineData("is-public", "true", new[] { 1 })]
    [InlineData("root-device-type", "instance-store", new[] { 2 })]
    [InlineData("description", "base image", new[] { 0 })]
    public async Task Filters_MatchWithWildcards(string name, string value, int[] expected)
    {
        var world = new TestWorld();
        var ids = new[]
        {
            world.Image(b => b.Named("web-1").Tagged("team", "blue").WithDescription("base image")),
            world.Image(b => b.Named("web-10").Public()),
            world.Image(b => b.Named("api-1").Tagged("team", "red").InstanceStore()),
        };

        var found = await Ids(world, new DescribeImagesRequest { Owners = ["self"], Filters = [new Filter(name, [value])] });

        Assert.Equal(expected.Select(i => ids[i]), found);
    }

    [Fact]
    public async Task Filters_SourceImageAndSnapshotAndOwner()
    {
        var world = new TestWorld();
        var source = world.Image();
        var copy = world.Image(b => b.CopiedFrom(source, TestWorld.West));
        var snapshot = world.Simulator.SnapshotIdsOf(TestWorld.East, source).Single();

        Assert.Equal([copy], await Ids(world, new DescribeImagesRequest { Owners = ["self"], Filters = [new Filter("source-image-id", [source])] }));
        Assert.Equal([copy], await Ids(world, new DescribeImagesRequest { Owners = ["self"], Filters = [new Filter("source-image-region", [TestWorld.West])] }));
        Assert.Equal([source], await Ids(world, new DescribeImagesRequest { Owners = ["self"], Filters = [new Filter("block-device-mapping.snapshot-id", [snapshot])] }));
        Assert.Equal([source, copy], await Ids(world, new DescribeImagesRequest { Filters = [new Filter("owner-id", [world.Simulator.AccountId])] }));
        Assert.Equal([source, copy], await Ids(world, new DescribeImagesRequest { Owners = ["self"], Filters = [new Filter("name", ["a", "image-*"])] }));
    }

    [Fact]
    public async Task Filters_AreAndedAcrossNames()
    {
        var world = new TestWorld();
        var both = world.Image(b => b.Named("web-1").Tagged("env", "prod"));
        world.Image(b => b.Named("web-2").Tagged("env", "dev"));
        world.Image(b => b.Named("api-1").Tagged("env", "prod"));

        var ids = await Ids(world, new DescribeImagesRequest { Owners = ["self"], Filters = [new Filter("name", ["web-*"]), new Filter("tag:env", ["prod"])] });

        Assert.Equal([both], ids);
    }

    [Fact]
    public async Task InvalidFilterOrOwner_Rejected()
    {
        var world = new TestWorld();

        var filter = await Errors.Expect("InvalidParameterValue", () => world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { Filters = [new Filter("deprecation-time", ["x"])] }));
        Assert.Contains("deprecation-time", filter.Message, StringComparison.Ordinal);
        await Errors.Expect("InvalidParameterValue", () => world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { Filters = [new Filter { Name = "name", Values = [] }] }));
        await Errors.Expect("InvalidUserID.Malformed", () => world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["bogus"] }));
    }

    [Fact]
    public async Task Paging_StableOrder_TokensSurviveNewImages()
    {
        var world = new TestWorld();
        var ids = Enumerable.Range(0, 5).Select(i => world.Image(b => b.Named($"img-{i}"))).ToList();

        var first = await world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], MaxResults = 2 });
        var added = world.Image(b => b.Named("img-late"));
        var second = await world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], MaxResults = 2, NextToken = first.NextToken });
        var third = await world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], MaxResults = 2, NextToken = second.NextToken });

        Assert.Equal(ids[..2], first.Images.Select(i => i.ImageId));
        Assert.Equal(ids[2..4], second.Images.Select(i => i.ImageId));
        Assert.Equal([ids[4], added], third.Images.Select(i => i.ImageId));
        Assert.Null(third.NextToken);
        Assert.NotNull(first.NextToken);
    }

    [Fact]
    public async Task Paging_LastFullPage_HasNoToken()
    {
        var world = new TestWorld();
        world.Image();
        world.Image();

        var page = await world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], MaxResults = 2 });

        Assert.Equal(2, page.Images.Count);
        Assert.Null(page.NextToken);
    }

    [Fact]
    public async Task Paging_InvalidTokenOrRange_Rejected()
    {
        var world = new TestWorld();
        world.Image();

        await Errors.Expect("InvalidNextToken", () => world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { NextToken = "garbage" }));
        var snapshots = await world.EastClient.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { MaxResults = 5 });
        Assert.Null(snapshots.NextToken);
        await Errors.Expect("InvalidParameterValue", () => world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { MaxResults = 0 }));
        await Errors.Expect("InvalidParameterValue", () => world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { MaxResults = 1001 }));
    }

    [Fact]
    public async Task Empty_ReturnsNullList_AsTheSdkDoesWithoutInitializeCollections()
    {
        var world = new TestWorld();

        var response = await world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] });

        Assert.Null(response.Images);
        Assert.Null(response.NextToken);
    }

    [Fact]
    public async Task Regions_AreIsolated()
    {
        var world = new TestWorld();
        var west = world.Image(region: TestWorld.West);

        await Errors.Expect("InvalidAMIID.NotFound", () => world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [west] }));
        Assert.Single((await world.WestClient.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [west] })).Images);
    }

    [Fact]
    public async Task ForeignImages_DoNotShowLastLaunchedOrProtection()
    {
        var world = new TestWorld();
        var foreign = world.Image(b => b.OwnedBy(Foreign, "amazon").Public().LastLaunchedAt(TestWorld.Start.AddDays(-1)));

        var image = (await world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["amazon"] })).Images.Single();

        Assert.Equal(foreign, image.ImageId);
        Assert.Null(image.LastLaunchedTime);
        Assert.Null(image.DeregistrationProtection);
        Assert.Equal("amazon", image.ImageOwnerAlias);
    }

    [Fact]
    public async Task RecycleBin_BinnedImagesNeverAppear()
    {
        var world = new TestWorld();
        world.Simulator.AddRecycleBinRule(TestWorld.East, new RecycleBinRule(RecycleBinResourceType.Ec2Image, 7));
        var binned = world.Image();
        await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = binned });

        Assert.Empty(await Ids(world, new DescribeImagesRequest { Owners = ["self"], IncludeDisabled = true, IncludeDeprecated = true }));
        Assert.Empty(await Ids(world, new DescribeImagesRequest { ImageIds = [binned] }));
    }
}
