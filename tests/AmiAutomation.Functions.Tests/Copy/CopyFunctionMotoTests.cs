using AmiAutomation.TestKit.Logging;
using System.Text;
using System.Text.Json;
using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Replication;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Composition;
using AmiAutomation.Functions.Copy;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.Runtime.Metrics;
using AmiAutomation.TestKit.Moto;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Functions.Tests.Copy;

/// <summary>
/// The copy function end to end against moto_server through the production client factory: the source region's
/// stack copies on the <c>available</c> event, the destination's stack finishes the copy on the copy's event.
/// moto ignores TagSpecifications and CopyImageTags and lacks the source-image-id filter (see Ec2CopyMotoTests), so
/// the lineage comes from the follow-up CreateTags and copies are looked up by tag only.
/// </summary>
[Collection(CopyMotoCollection.Name)]
public sealed class CopyFunctionMotoTests(MotoServerFixture moto) : IAsyncLifetime, IDisposable
{
    private const string Home = CopyHarness.Home;
    private const string UsEast = CopyHarness.UsEast;
    private Ec2ClientFactory? _factory;
    private AmazonEC2Client? _home;
    private AmazonEC2Client? _destination;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        _factory = moto.CreateEc2ClientFactory();
        _home = moto.CreateEc2Client(Home);
        _destination = moto.CreateEc2Client(UsEast);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _factory?.Dispose();
        _home?.Dispose();
        _destination?.Dispose();
    }

    private CopyFunction Function(string region) => new(
        new FunctionServices
        {
            Region = region,
            Ec2 = _factory!,
            Apis = new AmiAutomation.Aws.Clients.SignedRegionalApiClients(moto.ClientOptions()),
            Ledger = new RecordingLedger(),
            RunLease = new AmiAutomation.Simulation.Ledger.InMemoryRunLease(),
            Time = TimeProvider.System,
            Environment = new DictionaryEnvironmentVariables(new Dictionary<string, string> { [CommonSettings.DryRunVariable] = "false" }),
        },
        options: new Ec2ReplicatorOptions { FindCopiesBySourceImage = false });

    private static async Task<CopyOutput> InvokeAsync(CopyFunction function, string json)
    {
        var context = new InvocationContext
        {
            RequestId = "moto",
            FunctionName = "copy",
            InvokedFunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:stack-copy", // moto's default account
            Deadline = DateTimeOffset.MaxValue,
            TimeProvider = TimeProvider.System,
            Logger = new RecordingLogger(),
            Metrics = new MetricsRecorder(),
        };
        var output = await function.InvokeAsync(Encoding.UTF8.GetBytes(json), context);
        return JsonSerializer.Deserialize(output, CopyJsonContext.Default.CopyOutput)!;
    }

    [Fact]
    public async Task EventThenCopyEvent_Moto_CopyMadeOnceAndFinished()
    {
        var instance = (await _home!.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-12c6146b", MinCount = 1, MaxCount = 1, InstanceType = InstanceType.T3Micro }))
            .Reservation.Instances[0].InstanceId;
        var source = (await _home.CreateImageAsync(new CreateImageRequest
        {
            InstanceId = instance,
            Name = "web-20260304",
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Image, Tags = [new Tag(TagNames.CopyTo, UsEast)] }],
        })).ImageId;
        await _home.ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = source,
            LaunchPermission = new LaunchPermissionModifications { Add = [new Amazon.EC2.Model.LaunchPermission { UserId = "444455556666" }] },
        });

        var copied = await InvokeAsync(Function(Home), CopyHarness.Event(Home, source, "available"));
        var again = await InvokeAsync(Function(Home), CopyHarness.Event(Home, source, "available"));
        var copyId = Assert.Single(copied.Copies).NewImageId!;
        var finished = await InvokeAsync(Function(UsEast), CopyHarness.Event(UsEast, copyId, "available"));

        Assert.Equal(1, copied.Counts.Started);
        Assert.Equal(0, again.Counts.Started);
        Assert.Equal(1, again.Counts.Skipped[nameof(Core.Planning.ReasonCode.AlreadyCopied)]);
        Assert.Single((await _destination!.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] })).Images);
        Assert.Equal(1, finished.Counts.Finished);
        Assert.Equal(1, finished.Counts.Skipped[nameof(Core.Planning.ReasonCode.IsOwnCopy)]);
        var permissions = await _destination.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = copyId, Attribute = ImageAttributeName.LaunchPermission });
        Assert.Equal("444455556666", Assert.Single(permissions.ImageAttribute.LaunchPermissions).UserId);
        var tags = (await _destination.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [copyId] })).Images.Single().Tags;
        Assert.Contains(tags, t => t.Key == TagNames.CopyFinishedAt);
        Assert.Contains(tags, t => t.Key == TagNames.SourceImage && t.Value == source);
    }
}
