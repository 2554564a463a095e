using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Replication;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Replication;
using AmiAutomation.Core.Tagging;
using AmiAutomation.TestKit.Moto;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Aws.Tests.Replication;

/// <summary>
/// The cross-region copy path against moto_server through the production client factory. What moto does differently
/// from EC2 (moto 5.2): the copy is <c>available</c> at once; <c>CopyImageTags</c>, <c>TagSpecifications</c>,
/// <c>Encrypted</c> and <c>KmsKeyId</c> are ignored; the copy carries no SourceImageId/SourceImageRegion; the
/// <c>source-image-id</c>/<c>source-image-region</c> filters are not implemented (HTTP 500), so these tests switch
/// <see cref="Ec2ReplicatorOptions.FindCopiesBySourceImage"/> off; names need not be unique; deprecation calls are not
/// implemented. The lineage therefore reaches the copy only through the follow-up CreateTags, which is what is tested.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class Ec2CopyMotoTests(MotoServerFixture moto) : IAsyncLifetime, IDisposable
{
    private const string Home = "eu-west-1";
    private const string Destination = "us-east-1";
    private static readonly Ec2ReplicatorOptions MotoOptions = new() { FindCopiesBySourceImage = false };
    private Ec2ClientFactory? _factory;
    private AmazonEC2Client? _home;
    private AmazonEC2Client? _destination;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        _factory = moto.CreateEc2ClientFactory();
        _home = moto.CreateEc2Client(Home);
        _destination = moto.CreateEc2Client(Destination);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _factory?.Dispose();
        _home?.Dispose();
        _destination?.Dispose();
    }

    private Ec2CopyFinder Finder => new(_factory!, null, MotoOptions);

    private Ec2CopyStarter Starter => new(_factory!, Finder);

    private async Task<AmiImage> CreateSourceAsync()
    {
        var instance = (await _home!.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-12c6146b", MinCount = 1, MaxCount = 1, InstanceType = InstanceType.T3Micro }))
            .Reservation.Instances[0].InstanceId;
        var created = await _home.CreateImageAsync(new CreateImageRequest
        {
            InstanceId = instance,
            Name = "web-20260304",
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Image, Tags = [new Tag("team", "web"), new Tag(TagNames.CopyTo, Destination)] }],
        });
        return (await Finder.DescribeImageAsync(Home, created.ImageId, CancellationToken.None))!;
    }

    private static PlannedCopy Planned(AmiImage source) => new(
        new Core.Planning.Decision
        {
            Image = source,
            Family = "web",
            Action = Core.Planning.DecisionAction.Copy,
            Reasons = [new Core.Planning.DecisionReason(Core.Planning.ReasonCode.CopyToTag, "moto")],
            TargetRegion = Destination,
        },
        CopyPlanner.BuildRequest(source, Destination, 1, new CopyPolicy()));

    [Fact]
    public async Task StartAsync_Moto_CopyLandsInTheDestinationWithLineageFromTheFollowUpCreateTags()
    {
        var source = await CreateSourceAsync();

        var outcome = await Starter.StartAsync(Planned(source), dryRun: false, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        Assert.DoesNotContain("lineage CreateTags failed", outcome.Detail, StringComparison.Ordinal);
        var copy = (await _destination!.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [outcome.NewImageId!] })).Images.Single();
        Assert.Equal(source.Name, copy.Name);
        Assert.StartsWith($"Copy of {source.ImageId} from {Home}", copy.Description, StringComparison.Ordinal);
        var tags = copy.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal(source.ImageId, tags[TagNames.SourceImage]);
        Assert.Equal(Home, tags[TagNames.SourceRegion]);
        Assert.Equal(TagNames.ManagedByValue, tags[TagNames.ManagedBy]);
        Assert.StartsWith("deprecate=", tags[CopyRecord.Key], StringComparison.Ordinal);
        Assert.DoesNotContain((await _home!.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] })).Images, i => i.ImageId == outcome.NewImageId);
    }

    [Fact]
    public async Task StartAsync_Moto_KnownDifferences_UserTagsAndSourceImageIdNotCopied()
    {
        var source = await CreateSourceAsync();

        var outcome = await Starter.StartAsync(Planned(source), false, CancellationToken.None);

        var copy = (await _destination!.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [outcome.NewImageId!] })).Images.Single();
        Assert.DoesNotContain(copy.Tags, t => t.Key == "team");
        Assert.True(string.IsNullOrEmpty(copy.SourceImageId));
        Assert.Equal(Amazon.EC2.ImageState.Available, copy.State);
    }

    [Fact]
    public async Task FindCopiesAsync_Moto_FindsTheCopyByItsLineageTag_SoARetryIsAlreadyCopied()
    {
        var source = await CreateSourceAsync();
        var started = await Starter.StartAsync(Planned(source), false, CancellationToken.None);

        var copies = await Finder.FindCopiesAsync(Destination, source.ImageId, CancellationToken.None);
        var plan = CopyPlanner.Plan(
            source,
            "web",
            CopyTargetResolver.Resolve(source, "web", Context()),
            new Dictionary<string, IReadOnlyList<AmiImage>> { [Destination] = copies },
            Context());

        Assert.Equal(started.NewImageId, Assert.Single(copies).ImageId);
        Assert.Empty(plan.Copies);
        Assert.Equal(Core.Planning.ReasonCode.AlreadyCopied, Assert.Single(plan.Decisions).PrimaryReason);
    }

    [Fact]
    public async Task StartAsync_MotoDryRun_DryRunOutcomeAndNoImage()
    {
        var source = await CreateSourceAsync();

        var outcome = await Starter.StartAsync(Planned(source), dryRun: true, CancellationToken.None);

        Assert.Equal(OutcomeStatus.DryRun, outcome.Status);
        Assert.Empty((await _destination!.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] })).Images ?? []);
    }

    [Fact]
    public async Task FinishAsync_Moto_CopiesLaunchPermissionsAndTagsFinished()
    {
        var source = await CreateSourceAsync();
        await _home!.ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = source.ImageId,
            LaunchPermission = new LaunchPermissionModifications { Add = [new Amazon.EC2.Model.LaunchPermission { UserId = "444455556666" }] },
        });
        var started = await Starter.StartAsync(Planned(source), false, CancellationToken.None);
        var copy = (await Finder.DescribeImageAsync(Destination, started.NewImageId!, CancellationToken.None))!;
        var permissions = await Finder.GetLaunchPermissionsAsync(Home, source.ImageId, CancellationToken.None);
        var plan = CopyFinishPlanner.Plan(copy, "web", source, permissions, new CopyPolicy(), DateTimeOffset.Parse("2026-03-04T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(plan.Decision.Image.CreationDate);
        var outcome = await new Ec2CopyFinisher(_factory!, clock, null, MotoOptions).FinishAsync(plan, false, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        var attribute = await _destination!.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = copy.ImageId, Attribute = ImageAttributeName.LaunchPermission });
        Assert.Equal("444455556666", Assert.Single(attribute.ImageAttribute.LaunchPermissions).UserId);
        var tags = (await _destination.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [copy.ImageId] })).Images.Single().Tags;
        Assert.Contains(tags, t => t.Key == TagNames.CopyFinishedAt);
    }

    [Fact]
    public async Task FindCopiesAsync_MotoWithSourceImageFilter_FailsLoudly()
    {
        var source = await CreateSourceAsync();
        await Starter.StartAsync(Planned(source), false, CancellationToken.None);

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(
            () => new Ec2CopyFinder(_factory!).FindCopiesAsync(Destination, source.ImageId, CancellationToken.None));

        Assert.Equal(500, (int)error.StatusCode);
    }

    private static CopyPlanContext Context() =>
        new(new CopyPolicy(), Home, CopyTrigger.Event, DateTimeOffset.Parse("2026-03-04T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), KnownRegions.IsKnown);
}
