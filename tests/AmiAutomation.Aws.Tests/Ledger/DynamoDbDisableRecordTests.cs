using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Ledger;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.TestKit.Moto;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Tests.Ledger;

/// <summary>Disable records in the DynamoDB ledger against moto_server: round trip, and their keys never meet a
/// deregistration record's or the latch's although all three share the table (and the same image id).</summary>
[Collection(MotoCollection.Name)]
public sealed class DynamoDbDisableRecordTests(MotoServerFixture moto) : IAsyncLifetime, IDisposable
{
    private const string Region = "us-east-1";
    private const string ImageId = "ami-0123456789abcdef0";
    private readonly string _table = "ledger-" + Guid.NewGuid().ToString("N")[..8];
    private IAmazonDynamoDB? _client;

    private DynamoDbDeregistrationLedger Ledger => new(_client!, _table);

    public async Task InitializeAsync()
    {
        _client = DynamoDbClientFactory.Create(Region, new AwsClientOptions
        {
            DynamoDbEndpointUrl = new Uri(moto.ServiceUrl),
            Credentials = new BasicAWSCredentials("test", "test"),
            MaxErrorRetry = 0,
        });
        await _client.CreateTableAsync(DynamoDbLedgerSchema.CreateTableRequest(_table));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _client?.Dispose();

    private static DisableRecord Disable(string imageId = ImageId) => new()
    {
        ImageId = imageId,
        Region = Region,
        Name = "web-2025-01-01",
        Family = "web",
        State = ImageState.Available,
        LaunchPermissions =
        [
            new LaunchPermission(LaunchPermissionKind.Account, "444455556666"),
            new LaunchPermission(LaunchPermissionKind.Organization, "arn:aws:organizations::1:organization/o-1"),
            new LaunchPermission(LaunchPermissionKind.OrganizationalUnit, "arn:aws:organizations::1:ou/o-1/ou-2"),
            LaunchPermission.Public,
        ],
        DeprecationTime = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero),
        Reasons = ["DeprecatedLongEnoughToDisable: deprecated 60 days"],
        RunId = "run-1",
        RecordedAt = new DateTimeOffset(2026, 3, 1, 10, 15, 30, 123, TimeSpan.Zero),
        Status = DisableRecordStatus.Disabled,
        DisabledAt = new DateTimeOffset(2026, 3, 1, 10, 15, 31, TimeSpan.Zero),
    };

    [Fact]
    public async Task PutThenGet_RoundTripsEveryPermissionAndTime()
    {
        var record = Disable();
        await Ledger.PutDisableRecordAsync(record, CancellationToken.None);

        var read = await Ledger.GetDisableRecordAsync(Region, ImageId, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(record.LaunchPermissions, read.LaunchPermissions);
        Assert.Equal(record.Reasons, read.Reasons);
        Assert.Equal(record with { LaunchPermissions = read.LaunchPermissions, Reasons = read.Reasons }, read);
    }

    [Fact]
    public async Task SameImageAsADeregistrationRecordAndTheLatch_NoKeyCollides()
    {
        var deregistration = new LedgerRecord
        {
            ImageId = ImageId, Region = Region, Name = "web-2025-01-01", Family = "web", RunId = "run-2",
            RecordedAt = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), ExpiresAt = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero),
        };
        await Ledger.PutDisableRecordAsync(Disable(), CancellationToken.None);
        await Ledger.PutAsync(deregistration, CancellationToken.None);
        await Ledger.SetLatchAsync(new RecycleBinLatch { Region = Region, SetAt = deregistration.RecordedAt, RunId = "run-2", ImageId = ImageId, Reason = "x" }, CancellationToken.None);

        Assert.Equal([ImageId], (await Ledger.ListAsync(Region, CancellationToken.None)).Select(r => r.RunId == "run-2" ? r.ImageId : "wrong"));
        Assert.Equal(["run-1"], (await Ledger.ListDisableRecordsAsync(Region, CancellationToken.None)).Select(r => r.RunId));
        Assert.Equal(DisableRecordStatus.Disabled, (await Ledger.GetDisableRecordAsync(Region, ImageId, CancellationToken.None))!.Status);
        Assert.Equal("run-2", (await Ledger.GetAsync(Region, ImageId, CancellationToken.None))!.RunId);
        Assert.NotNull(await Ledger.GetLatchAsync(Region, CancellationToken.None));
    }

    [Fact]
    public async Task ListDisableRecords_OnlyThatRegion_AndNullForUnknown()
    {
        await Ledger.PutDisableRecordAsync(Disable(), CancellationToken.None);
        await Ledger.PutDisableRecordAsync(Disable("ami-0aaaaaaaaaaaaaaa1") with { Region = "eu-west-1" }, CancellationToken.None);

        Assert.Equal([ImageId], (await Ledger.ListDisableRecordsAsync(Region, CancellationToken.None)).Select(r => r.ImageId));
        Assert.Null(await Ledger.GetDisableRecordAsync(Region, "ami-0bbbbbbbbbbbbbbb2", CancellationToken.None));
    }
}
