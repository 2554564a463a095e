using AmiAutomation.TestKit.Logging;
using System.Text;
using System.Text.Json;
using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Ledger;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Composition;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.Runtime.Metrics;
using AmiAutomation.TestKit.Moto;
using Amazon.EC2.Model;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>
/// The deregister + DynamoDB ledger path against moto_server with the real SDK clients.
/// </summary>
/// <remarks>
/// moto does not implement DescribeImageReferences, DescribeImageAttribute(lastLaunchedTime) or the Recycle Bin
/// calls (they answer HTTP 500), so this test switches those sources off (<c>DISABLED_REFERENCE_SOURCES</c>) and
/// does not require the Recycle Bin (<c>REQUIRE_RECYCLE_BIN=false</c>: no rules read, no verification; the latch
/// is still read from the real DynamoDB table); the simulator tests cover those paths. moto ignores
/// DeleteAssociatedSnapshots and returns no snapshot results: every snapshot of the deregistered image must then be
/// reported as still there (<c>unreported-still-exists</c>), never as "0 deleted, 0 not deleted".
/// </remarks>
[Collection(ExpireMotoCollection.Name)]
public sealed class ExpireMotoTests(MotoServerFixture moto)
{
    private const string Region = "us-east-1";
    private const string Table = "ami-ledger-expire-test";

    [Fact]
    public async Task Expire_LiveAgainstMoto_KeepsSharedImage_WritesLedgerThenDeregistersUnsharedAndMarksRecord()
    {
        await moto.ResetAsync();
        using var ec2 = moto.CreateEc2Client(Region);
        using var dynamo = moto.CreateDynamoDbClient(Region);
        await dynamo.CreateTableAsync(DynamoDbLedgerSchema.CreateTableRequest(Table));
        var instance = (await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-12345678", MinCount = 1, MaxCount = 1 }))
            .Reservation.Instances[0].InstanceId;
        // Oldest to newest, a second apart (moto's creation dates decide "newest"): a shared image, an unshared one (the
        // positive control, deregistered) and the family's newest (kept by EXPIRE_KEEP_NEWEST=1).
        var imageIds = new List<string>();
        foreach (var name in new[] { "svc-shared", "svc-old", "svc-new" })
        {
            var imageId = (await ec2.CreateImageAsync(new CreateImageRequest { InstanceId = instance, Name = name })).ImageId;
            await ec2.CreateTagsAsync(new CreateTagsRequest
            {
                Resources = [imageId],
                Tags = [new Tag(TagNames.Family, "svc"), new Tag(TagNames.ExpiresAt, "2020-01-01"), new Tag("team", "payments")],
            });
            imageIds.Add(imageId);
            await Task.Delay(TimeSpan.FromSeconds(1.1));
        }

        await ec2.ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = imageIds[0],
            LaunchPermission = new LaunchPermissionModifications { Add = [new LaunchPermission { UserId = "111122223333" }] },
        });

        var imageSnapshots = ((await ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = imageIds })).Images ?? [])
            .ToDictionary(i => i.ImageId, i => (i.BlockDeviceMappings ?? []).Where(b => b.Ebs?.SnapshotId is not null).Select(b => b.Ebs.SnapshotId).ToList());
        using var clients = moto.CreateEc2ClientFactory();
        var ledger = new DynamoDbDeregistrationLedger(dynamo, Table);
        var services = new FunctionServices
        {
            Region = Region,
            Ec2 = clients,
            Apis = new AmiAutomation.Aws.Clients.SignedRegionalApiClients(moto.ClientOptions()),
            Ledger = ledger,
            RunLease = new DynamoDbRunLease(dynamo, Table),
            Time = TimeProvider.System,
            Environment = new DictionaryEnvironmentVariables(new Dictionary<string, string>
            {
                [CommonSettings.DryRunVariable] = "false",
                [CommonSettings.LedgerTableNameVariable] = Table,
                [CommonSettings.DisabledReferenceSourcesVariable] = "ImageReferences,LastLaunchedTime",
                [ExpireSettings.RequireRecycleBinVariable] = "false",
                [ExpireSettings.KeepNewestVariable] = "1",
            }),
        };
        var logger = new RecordingLogger();
        var context = new InvocationContext
        {
            RequestId = "moto-run-1",
            FunctionName = "expire",
            Deadline = TimeProvider.System.GetUtcNow().AddMinutes(5),
            TimeProvider = TimeProvider.System,
            Logger = logger,
            Metrics = new MetricsRecorder(),
        };

        var output = await new ExpireFunction(services).InvokeAsync(Encoding.UTF8.GetBytes("""{"source":"schedule"}"""), context);
        var summary = JsonSerializer.Deserialize(output, FunctionsJsonContext.Default.RunSummary)!;

        Assert.Empty(summary.FailedSources);
        Assert.Equal(1, summary.Deregistration!.Deregistered);
        var shared = summary.Decisions.Single(d => d.ImageId == imageIds[0]);
        var gone = summary.Decisions.Single(d => d.ImageId == imageIds[1]);
        var newest = summary.Decisions.Single(d => d.ImageId == imageIds[2]);
        Assert.Equal(OutcomeNames.Skipped, shared.Outcome);
        Assert.Equal("SharedImage", shared.Reason);
        Assert.Equal(OutcomeNames.Succeeded, gone.Outcome);
        Assert.Equal("ExpiresAtPassed", gone.Reason);
        Assert.Equal("NewestInFamily", newest.Reason);
        var remaining = (await ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] })).Images ?? [];
        Assert.Equal(new[] { imageIds[0], imageIds[2] }.Order(StringComparer.Ordinal), remaining.Select(i => i.ImageId).Order(StringComparer.Ordinal));
        Assert.Contains(shared.Reasons, r => r.Contains("shared with account 111122223333", StringComparison.Ordinal));

        var goneSnapshots = imageSnapshots[gone.ImageId];
        Assert.NotEmpty(goneSnapshots);
        Assert.Equal(0, summary.Deregistration.SnapshotsDeleted);
        Assert.Equal(goneSnapshots.Order(), summary.Deregistration.SnapshotsNotDeleted.Select(s => s.SnapshotId).Order());
        Assert.All(summary.Deregistration.SnapshotsNotDeleted, s => Assert.Equal("unreported-still-exists", s.ReturnCode));
        Assert.Null(await ledger.GetLatchAsync(Region, CancellationToken.None));

        var record = await ledger.GetAsync(Region, gone.ImageId, CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal(LedgerStatus.Deregistered, record!.Status);
        Assert.Equal("svc", record.Family);
        Assert.Equal("payments", record.Tags["team"]);
        Assert.Empty(record.LaunchPermissions);
        Assert.Equal("moto-run-1", record.RunId);
        Assert.Equal(record.RecordedAt.AddDays(ExpireSettings.DefaultImageRetentionDays).ToUnixTimeSeconds(), record.ExpiresAt.ToUnixTimeSeconds());
        Assert.Null(await ledger.GetAsync(Region, shared.ImageId, CancellationToken.None));
    }
}
