using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Operations;

public sealed class LaunchTemplateOperationsTests
{
    private static readonly int TooMany = 201;
    private static readonly int TooFew = 0;

    [Fact]
    public async Task DescribeLaunchTemplates_DefaultAndLatestVersions_ByIdAndName()
    {
        var world = new TestWorld();
        var id = world.Simulator.AddLaunchTemplate(TestWorld.East, "web", "ami-00000001", "ami-00000002", "ami-00000003");
        world.Simulator.SetDefaultLaunchTemplateVersion(TestWorld.East, id, 2);

        var template = (await world.EastClient.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest { LaunchTemplateNames = ["web"] })).LaunchTemplates.Single();

        Assert.Equal(id, template.LaunchTemplateId);
        Assert.Equal(2, template.DefaultVersionNumber);
        Assert.Equal(3, template.LatestVersionNumber);
        Assert.Single((await world.EastClient.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest { LaunchTemplateIds = [id] })).LaunchTemplates);
        await Errors.Expect("InvalidLaunchTemplateName.NotFoundException", () => world.EastClient.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest { LaunchTemplateNames = ["nope"] }));
        await Errors.Expect("InvalidLaunchTemplateId.NotFound", () => world.EastClient.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest { LaunchTemplateIds = ["lt-0123456789abcdef0"] }));
        await Errors.Expect("InvalidLaunchTemplateId.Malformed", () => world.EastClient.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest { LaunchTemplateIds = ["web"] }));
    }

    [Fact]
    public async Task DescribeLaunchTemplates_PagingWith1To200()
    {
        var world = new TestWorld();
        var ids = Enumerable.Range(0, 7).Select(i => world.Simulator.AddLaunchTemplate(TestWorld.East, $"lt-{i}", "ami-00000001")).ToList();

        var seen = new List<string>();
        await foreach (var template in world.EastClient.Paginators.DescribeLaunchTemplates(new DescribeLaunchTemplatesRequest { MaxResults = 3 }).LaunchTemplates)
        {
            seen.Add(template.LaunchTemplateId);
        }

        Assert.Equal(ids, seen);
        await Errors.Expect("InvalidParameterValue", () => world.EastClient.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest { MaxResults = TooMany }));
        await Errors.Expect("InvalidParameterValue", () => world.EastClient.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest { MaxResults = TooFew }));
    }

    [Theory]
    [InlineData(new[] { "$Latest" }, new long[] { 4 })]
    [InlineData(new[] { "$Default" }, new long[] { 2 })]
    [InlineData(new[] { "$Default", "$Latest", "1" }, new long[] { 1, 2, 4 })]
    [InlineData(new string[0], new long[] { 1, 2, 3, 4 })]
    public async Task DescribeVersions_AliasesAndNumbers(string[] versions, long[] expected)
    {
        var world = new TestWorld();
        var id = world.Simulator.AddLaunchTemplate(TestWorld.East, "web", "ami-00000001", "ami-00000002", "ami-00000003", "ami-00000004");
        world.Simulator.SetDefaultLaunchTemplateVersion(TestWorld.East, "web", 2);

        var response = await world.EastClient.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateId = id, Versions = versions.Length == 0 ? null : [.. versions] });

        Assert.Equal(expected, response.LaunchTemplateVersions.Select(v => v.VersionNumber!.Value));
        Assert.All(response.LaunchTemplateVersions, v => Assert.Equal(v.VersionNumber == 2, v.DefaultVersion));
        Assert.All(response.LaunchTemplateVersions, v => Assert.Equal($"ami-0000000{v.VersionNumber}", v.LaunchTemplateData.ImageId));
    }

    [Fact]
    public async Task DescribeVersions_MinMaxFiltersAndPaging()
    {
        var world = new TestWorld();
        var images = Enumerable.Range(1, 9).Select(i => (string?)$"ami-0000000{i % 3}").ToArray();
        var id = world.Simulator.AddLaunchTemplate(TestWorld.East, "web", images);

        var ranged = await world.EastClient.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateName = "web", MinVersion = "3", MaxVersion = "6" });
        Assert.Equal([3L, 4, 5, 6], ranged.LaunchTemplateVersions.Select(v => v.VersionNumber!.Value));
        var filtered = await world.EastClient.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateId = id, Filters = [new Filter("image-id", ["ami-00000000"])] });
        Assert.Equal([3L, 6, 9], filtered.LaunchTemplateVersions.Select(v => v.VersionNumber!.Value));

        var paged = new List<long>();
        await foreach (var version in world.EastClient.Paginators.DescribeLaunchTemplateVersions(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateId = id, MaxResults = 2 }).LaunchTemplateVersions)
        {
            paged.Add(version.VersionNumber!.Value);
        }

        Assert.Equal(Enumerable.Range(1, 9).Select(i => (long)i), paged);
        Assert.Equal(5, world.Simulator.Calls.CountOf("DescribeLaunchTemplateVersions") - 2);
    }

    [Fact]
    public async Task DescribeVersions_AcrossAllTemplates_OnlyAliases()
    {
        var world = new TestWorld();
        world.Simulator.AddLaunchTemplate(TestWorld.East, "aaa", "ami-00000001", "ami-00000002");
        world.Simulator.AddLaunchTemplate(TestWorld.East, "bbb", "ami-00000003");

        var latest = await world.EastClient.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { Versions = ["$Latest"] });

        Assert.Equal(["ami-00000002", "ami-00000003"], latest.LaunchTemplateVersions.Select(v => v.LaunchTemplateData.ImageId));
        await Errors.Expect("InvalidParameterValue", () => world.EastClient.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { Versions = ["1"] }));
        await Errors.Expect("InvalidParameterValue", () => world.EastClient.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateName = "aaa", MaxResults = TooMany }));
    }

    [Fact]
    public async Task DescribeVersions_UnknownVersionOrTemplate()
    {
        var world = new TestWorld();
        var id = world.Simulator.AddLaunchTemplate(TestWorld.East, "aaa", "ami-00000001");

        await Errors.Expect("InvalidLaunchTemplateId.VersionNotFound", () => world.EastClient.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateId = id, Versions = ["7"] }));
        await Errors.Expect("InvalidLaunchTemplateName.NotFoundException", () => world.EastClient.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateName = "zzz" }));
        await Errors.Expect("InvalidLaunchTemplateId.NotFound", () => world.EastClient.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateId = "lt-0123456789abcdef0" }));
    }

    [Fact]
    public async Task SsmAlias_ReturnedUnlessResolveAlias()
    {
        var world = new TestWorld();
        var image = world.Image();
        world.Simulator.AddSsmParameter(TestWorld.East, "/ami/web/latest", image);
        world.Simulator.AddLaunchTemplate(TestWorld.East, "web", "resolve:ssm:/ami/web/latest");

        var raw = await world.EastClient.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateName = "web" });
        var resolved = await world.EastClient.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateName = "web", ResolveAlias = true });

        Assert.Equal("resolve:ssm:/ami/web/latest", raw.LaunchTemplateVersions.Single().LaunchTemplateData.ImageId);
        Assert.Equal(image, resolved.LaunchTemplateVersions.Single().LaunchTemplateData.ImageId);
    }

    [Fact]
    public async Task CreateTemplateAndVersions_ThroughTheApi()
    {
        var world = new TestWorld();
        var created = await world.EastClient.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest { LaunchTemplateName = "api", LaunchTemplateData = new RequestLaunchTemplateData { ImageId = "ami-00000001" } });
        await world.EastClient.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest { LaunchTemplateId = created.LaunchTemplate.LaunchTemplateId, LaunchTemplateData = new RequestLaunchTemplateData { ImageId = "ami-00000002" } });
        await world.EastClient.ModifyLaunchTemplateAsync(new ModifyLaunchTemplateRequest { LaunchTemplateName = "api", DefaultVersion = "2" });

        var template = (await world.EastClient.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest())).LaunchTemplates.Single();

        Assert.Equal((2L, 2L), (template.DefaultVersionNumber!.Value, template.LatestVersionNumber!.Value));
        await Errors.Expect("InvalidLaunchTemplateName.AlreadyExistsException", () => world.EastClient.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest { LaunchTemplateName = "api", LaunchTemplateData = new RequestLaunchTemplateData() }));
    }
}
