using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Operations;

public sealed class ImageReferenceOperationTests
{
    private static readonly int TooFew = 4;

    private static DescribeImageReferencesRequest All(params string[] ids) => new() { ImageIds = [.. ids], IncludeAllResourceTypes = true };

    [Fact]
    public async Task ReportsInstancesTemplatesAndSeededReferences()
    {
        var world = new TestWorld();
        var image = world.Image();
        var running = world.Simulator.AddInstance(TestWorld.East, image);
        var terminated = world.Simulator.AddInstance(TestWorld.East, image, "terminated");
        var template = world.Simulator.AddLaunchTemplate(TestWorld.East, "web", image, image);
        world.Simulator.AddSsmParameter(TestWorld.East, "/ami/web/latest", image);
        world.Simulator.AddImageReference(TestWorld.East, image, "imagebuilder:ImageRecipe", "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/web/1.0.0");

        var references = (await world.EastClient.DescribeImageReferencesAsync(All(image))).ImageReferences;

        Assert.Equal(
            [
                ("ec2:Instance", $"arn:aws:ec2:us-east-1:123456789012:instance/{running}"),
                ("ec2:Instance", $"arn:aws:ec2:us-east-1:123456789012:instance/{terminated}"),
                ("ec2:LaunchTemplate", $"arn:aws:ec2:us-east-1:123456789012:launch-template/{template}"),
                ("ssm:Parameter", "arn:aws:ssm:us-east-1:123456789012:parameter/ami/web/latest"),
                ("imagebuilder:ImageRecipe", "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/web/1.0.0"),
            ],
            references.Select(r => (r.ResourceType.Value, r.Arn)));
        Assert.All(references, r => Assert.Equal(image, r.ImageId));
    }

    [Fact]
    public async Task VersionDepth_DefaultTenLatestVersions_Configurable()
    {
        var world = new TestWorld();
        var old = world.Image();
        var versions = new[] { (string?)old }.Concat(Enumerable.Repeat((string?)"ami-00000009", 10)).ToArray();
        world.Simulator.AddLaunchTemplate(TestWorld.East, "pinned", versions);

        Assert.Null((await world.EastClient.DescribeImageReferencesAsync(All(old))).ImageReferences);
        var deep = await world.EastClient.DescribeImageReferencesAsync(new DescribeImageReferencesRequest
        {
            ImageIds = [old],
            ResourceTypes = [new ResourceTypeRequest { ResourceType = ImageReferenceResourceType.Ec2LaunchTemplate, ResourceTypeOptions = [new ResourceTypeOption { OptionName = ImageReferenceOptionName.VersionDepth, OptionValues = ["11"] }] }],
        });
        Assert.Single(deep.ImageReferences);
    }

    [Fact]
    public async Task ResourceTypes_NarrowTheSearch_StateNameOption()
    {
        var world = new TestWorld();
        var image = world.Image();
        var running = world.Simulator.AddInstance(TestWorld.East, image);
        world.Simulator.AddInstance(TestWorld.East, image, "stopped");
        world.Simulator.AddLaunchTemplate(TestWorld.East, "web", image);

        var response = await world.EastClient.DescribeImageReferencesAsync(new DescribeImageReferencesRequest
        {
            ImageIds = [image],
            ResourceTypes = [new ResourceTypeRequest { ResourceType = ImageReferenceResourceType.Ec2Instance, ResourceTypeOptions = [new ResourceTypeOption { OptionName = ImageReferenceOptionName.StateName, OptionValues = ["running"] }] }],
        });

        Assert.Equal([$"arn:aws:ec2:us-east-1:123456789012:instance/{running}"], response.ImageReferences.Select(r => r.Arn));
    }

    [Fact]
    public async Task Validation_IdsOneToTen_TypesRequired_MaxResultsAtLeastFive()
    {
        var world = new TestWorld();
        var ids = Enumerable.Range(0, 11).Select(i => $"ami-{i:00000000}").ToArray();

        await Errors.Expect("InvalidParameterValue", () => world.EastClient.DescribeImageReferencesAsync(All(ids)));
        await Errors.Expect("InvalidParameterValue", () => world.EastClient.DescribeImageReferencesAsync(All()));
        await Errors.Expect("MissingParameter", () => world.EastClient.DescribeImageReferencesAsync(new DescribeImageReferencesRequest { ImageIds = [ids[0]] }));
        await Errors.Expect("InvalidParameterValue", () => world.EastClient.DescribeImageReferencesAsync(new DescribeImageReferencesRequest { ImageIds = [ids[0]], IncludeAllResourceTypes = true, MaxResults = TooFew }));
        await Errors.Expect("InvalidAMIID.Malformed", () => world.EastClient.DescribeImageReferencesAsync(All("nope")));
        Assert.Null((await world.EastClient.DescribeImageReferencesAsync(All(ids[..10]))).ImageReferences);
    }

    [Fact]
    public async Task Paging_ThroughThePaginator()
    {
        var world = new TestWorld();
        var image = world.Image();
        var instances = Enumerable.Range(0, 12).Select(_ => world.Simulator.AddInstance(TestWorld.East, image)).ToList();

        var seen = new List<string>();
        await foreach (var reference in world.EastClient.Paginators.DescribeImageReferences(new DescribeImageReferencesRequest { ImageIds = [image], IncludeAllResourceTypes = true, MaxResults = 5 }).ImageReferences)
        {
            seen.Add(reference.Arn);
        }

        Assert.Equal(instances.Select(i => $"arn:aws:ec2:us-east-1:123456789012:instance/{i}"), seen);
        Assert.Equal(3, world.Simulator.Calls.CountOf("DescribeImageReferences"));
    }
}
