using AmiAutomation.Aws.AutoScaling;
using AmiAutomation.Aws.OnDemand;
using AmiAutomation.Core.OnDemand;
using AmiAutomation.Simulation;
using AmiAutomation.Simulation.Services;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Tests.OnDemand;

public sealed class LaunchImageResolverTests
{
    private const string Region = "eu-west-1";
    private readonly Ec2Simulator _ec2 = new();

    private LaunchImageResolver Resolver(IAutoScalingClient? autoScaling = null) =>
        new(_ec2.ClientFor(Region), () => autoScaling ?? new SimulatedAutoScalingClient(_ec2, Region));

    private static LaunchFailure Failure(IReadOnlyList<string>? images = null, IReadOnlyList<LaunchTemplateRef>? templates = null, string? group = null) => new()
    {
        Source = group is null ? LaunchFailureSource.CloudTrail : LaunchFailureSource.AutoScaling,
        EventId = "e-1",
        Region = Region,
        Operation = "RunInstances",
        ImageIds = images ?? [],
        LaunchTemplates = templates ?? [],
        AutoScalingGroupName = group,
        NeededBy = "test",
    };

    private string Image() => _ec2.AddImage(Region, b => b.Named("web-" + Guid.NewGuid().ToString("N")[..6]).WithSnapshot());

    [Fact]
    public async Task ResolveAsync_TemplateVersions_LatestDefaultNumberAndOmittedEachReadTheirOwnImage()
    {
        string v1 = Image(), v2 = Image(), v3 = Image();
        var template = _ec2.AddLaunchTemplate(Region, "web", v1, v2, v3);
        _ec2.SetDefaultLaunchTemplateVersion(Region, template, 2);

        var latest = await Resolver().ResolveAsync(Failure(templates: [new(template, null, "$Latest")]), CancellationToken.None);
        var byDefault = await Resolver().ResolveAsync(Failure(templates: [new(template, null, "$Default")]), CancellationToken.None);
        var omitted = await Resolver().ResolveAsync(Failure(templates: [new(null, "web", null)]), CancellationToken.None);
        var numbered = await Resolver().ResolveAsync(Failure(templates: [new(template, null, "1")]), CancellationToken.None);

        Assert.Equal([v3], latest.ImageIds);
        Assert.Equal([v2], byDefault.ImageIds);
        Assert.Equal([v2], omitted.ImageIds);
        Assert.Equal([v1], numbered.ImageIds);
        Assert.All([latest, byDefault, omitted, numbered], r => Assert.Empty(r.Problems));
    }

    [Fact]
    public async Task ResolveAsync_UnknownTemplateOrVersion_ProblemNamesTheTemplateAndEc2sCode()
    {
        var template = _ec2.AddLaunchTemplate(Region, "web", Image());

        var resolution = await Resolver().ResolveAsync(
            Failure(templates: [new("lt-0123456789abcdef0", null, "1"), new(template, null, "7"), new(null, "gone", null)]), CancellationToken.None);

        Assert.Empty(resolution.ImageIds);
        Assert.Equal(3, resolution.Problems.Count);
        Assert.Contains("lt-0123456789abcdef0", resolution.Problems[0], StringComparison.Ordinal);
        Assert.Contains("InvalidLaunchTemplateId.NotFound", resolution.Problems[0], StringComparison.Ordinal);
        Assert.Contains($"{template} version 7", resolution.Problems[1], StringComparison.Ordinal);
        Assert.Contains("InvalidLaunchTemplateId.VersionNotFound", resolution.Problems[1], StringComparison.Ordinal);
        Assert.Contains("gone", resolution.Problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_TemplateVersionWithoutImage_ProblemSaysSo()
    {
        var template = _ec2.AddLaunchTemplate(Region, "no-image", [null]);

        var resolution = await Resolver().ResolveAsync(Failure(templates: [new(template, null, "1")]), CancellationToken.None);

        Assert.Empty(resolution.ImageIds);
        Assert.Contains("names no AMI id", Assert.Single(resolution.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_AutoScalingGroupByTemplateOrConfiguration_ImageOfEach()
    {
        string fromTemplate = Image(), fromConfiguration = Image();
        var template = _ec2.AddLaunchTemplate(Region, "asg-template", Image(), fromTemplate);
        _ec2.AddAutoScalingGroup(Region, "lt-asg", launchTemplateId: template, version: "$Latest");
        _ec2.AddLaunchConfiguration(Region, "old-lc", fromConfiguration);
        _ec2.AddAutoScalingGroup(Region, "lc-asg", launchConfigurationName: "old-lc");

        var byTemplate = await Resolver().ResolveAsync(Failure(group: "lt-asg"), CancellationToken.None);
        var byConfiguration = await Resolver().ResolveAsync(Failure(group: "lc-asg"), CancellationToken.None);

        Assert.Equal([fromTemplate], byTemplate.ImageIds);
        Assert.Equal([fromConfiguration], byConfiguration.ImageIds);
    }

    [Fact]
    public async Task ResolveAsync_GroupUnknownOrUnreadable_ProblemNamesTheGroup()
    {
        var unknown = await Resolver().ResolveAsync(Failure(group: "deleted-asg"), CancellationToken.None);
        var denied = await Resolver(new Support.FakeAutoScaling { Fail = new AmazonServiceException("not allowed") { ErrorCode = "AccessDenied" } })
            .ResolveAsync(Failure(group: "web-asg"), CancellationToken.None);

        Assert.Contains("Auto Scaling group deleted-asg was not found", Assert.Single(unknown.Problems), StringComparison.Ordinal);
        Assert.Contains("Auto Scaling group web-asg could not be read (AccessDenied", Assert.Single(denied.Problems), StringComparison.Ordinal);
        Assert.Empty(denied.ImageIds);
    }

    [Fact]
    public async Task ResolveAsync_ImagesNamedInTheEvent_UsedAsTheyAreWithoutReadingTheGroup()
    {
        var asg = new Support.FakeAutoScaling { Fail = new InvalidOperationException("must not be called") };

        var resolution = await Resolver(asg).ResolveAsync(Failure(images: ["ami-0a1b2c3d4e5f60718"], group: "web-asg"), CancellationToken.None);

        Assert.Equal(["ami-0a1b2c3d4e5f60718"], resolution.ImageIds);
        Assert.Equal(0, asg.Calls);
    }
}
