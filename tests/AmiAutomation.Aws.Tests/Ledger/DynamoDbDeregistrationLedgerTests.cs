using System.Globalization;
using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Ledger;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.TestKit.Moto;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Tests.Ledger;

/// <summary>The DynamoDB ledger against moto_server's DynamoDB; each test makes its own table.</summary>
[Collection(MotoCollection.Name)]
public sealed class DynamoDbDeregistrationLedgerTests(MotoServerFixture moto) : IAsyncLifetime, IDisposable
{
    private readonly string _table = "ledger-" + Guid.NewGuid().ToString("N")[..8];
    private IAmazonDynamoDB? _client;

    private IAmazonDynamoDB Client => _client!;

    private DynamoDbDeregistrationLedger Ledger => new(Client, _table);

    public async Task InitializeAsync()
    {
        _client = DynamoDbClientFactory.Create("us-east-1", new AwsClientOptions
        {
            DynamoDbEndpointUrl = new Uri(moto.ServiceUrl),
            Credentials = new BasicAWSCredentials("test", "test"),
            MaxErrorRetry = 0,
        });
        await Client.CreateTableAsync(DynamoDbLedgerSchema.CreateTableRequest(_table));
        await Client.UpdateTimeToLiveAsync(DynamoDbLedgerSchema.EnableTimeToLiveRequest(_table));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _client?.Dispose();

    private static LedgerRecord Record(string imageId, string region = "us-east-1") => new()
    {
        ImageId = imageId,
        Region = region,
        Name = "web-2025-01-01",
        Description = "web server",
        Family = "web",
        Tags = new Dictionary<string, string> { ["team"] = "web", ["empty"] = string.Empty, ["ami-lifecycle:family"] = "web" },
        Snapshots = [new SnapshotInfo("snap-1", 8, "/dev/xvda"), new SnapshotInfo("snap-2", 100, "/dev/sdb")],
        LaunchPermissions =
        [
            new LaunchPermission(LaunchPermissionKind.Account, "444455556666"),
            new LaunchPermission(LaunchPermissionKind.OrganizationalUnit, "arn:aws:organizations::1:ou/o-1/ou-2"),
            LaunchPermission.Public,
        ],
        DeprecationTime = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero),
        Reasons = ["DeprecatedLongEnough: deprecated 90 days ago"],
        RunId = "run-1",
        RecordedAt = new DateTimeOffset(2026, 3, 1, 10, 15, 30, 123, TimeSpan.Zero),
        ExpiresAt = new DateTimeOffset(2026, 3, 31, 10, 15, 30, TimeSpan.Zero),
    };

    private static void AssertSame(LedgerRecord expected, LedgerRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Tags.OrderBy(t => t.Key), actual.Tags.OrderBy(t => t.Key));
        Assert.Equal(expected.Snapshots, actual.Snapshots);
        Assert.Equal(expected.LaunchPermissions, actual.LaunchPermissions);
        Assert.Equal(expected.Reasons, actual.Reasons);
        Assert.Equal(expected with { Tags = actual.Tags, Snapshots = actual.Snapshots, LaunchPermissions = actual.LaunchPermissions, Reasons = actual.Reasons }, actual);
    }

    [Fact]
    public async Task PutThenGet_FullRecord_RoundTrips()
    {
        var record = Record("ami-1");

        await Ledger.PutAsync(record, CancellationToken.None);

        AssertSame(record, await Ledger.GetAsync("us-east-1", "ami-1", CancellationToken.None));
    }

    [Fact]
    public async Task PutThenGet_MinimalRecordWithEmptyCollections_RoundTrips()
    {
        var record = Record("ami-2") with { Description = null, Tags = new Dictionary<string, string>(), Snapshots = [], LaunchPermissions = [], Reasons = [], DeprecationTime = null };

        await Ledger.PutAsync(record, CancellationToken.None);

        AssertSame(record, await Ledger.GetAsync("us-east-1", "ami-2", CancellationToken.None));
    }

    [Fact]
    public async Task Put_StoresKeysAndTtlAsEpochSeconds()
    {
        var record = Record("ami-3", "eu-west-1");

        await Ledger.PutAsync(record, CancellationToken.None);

        var item = (await Client.GetItemAsync(new GetItemRequest { TableName = _table, Key = LedgerItemMapper.Key("eu-west-1", "ami-3") })).Item;
        Assert.Equal("eu-west-1", item["pk"].S);
        Assert.Equal("ami-3", item["sk"].S);
        Assert.Equal(record.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), item["expiresAt"].N);
        Assert.Equal("PendingDeregistration", item["status"].S);
    }

    [Fact]
    public async Task Get_Unknown_IsNull() =>
        Assert.Null(await Ledger.GetAsync("us-east-1", "ami-missing", CancellationToken.None));

    [Fact]
    public async Task Put_SameImageTwice_Replaces()
    {
        await Ledger.PutAsync(Record("ami-4"), CancellationToken.None);
        await Ledger.PutAsync(Record("ami-4") with { RunId = "run-2" }, CancellationToken.None);

        Assert.Equal("run-2", (await Ledger.GetAsync("us-east-1", "ami-4", CancellationToken.None))!.RunId);
        Assert.Single(await Ledger.ListAsync("us-east-1", CancellationToken.None));
    }

    [Fact]
    public async Task List_ReturnsOnlyThatRegionAcrossPages()
    {
        var big = new string('x', 40_000);
        for (var i = 0; i < 40; i++)
        {
            await Ledger.PutAsync(Record($"ami-{i:D3}") with { Description = big }, CancellationToken.None);
        }

        await Ledger.PutAsync(Record("ami-other", "eu-west-1"), CancellationToken.None);

        var records = await Ledger.ListAsync("us-east-1", CancellationToken.None);

        Assert.Equal(40, records.Count);
        Assert.All(records, r => Assert.Equal("us-east-1", r.Region));
        Assert.Equal(["ami-other"], (await Ledger.ListAsync("eu-west-1", CancellationToken.None)).Select(r => r.ImageId));
    }

    [Fact]
    public async Task UpdateStatus_Deregistered_ThenRestored_SetsRestoredAt()
    {
        await Ledger.PutAsync(Record("ami-5"), CancellationToken.None);
        var at = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

        await Ledger.UpdateStatusAsync("us-east-1", "ami-5", LedgerStatus.Deregistered, at, CancellationToken.None);
        var deregistered = await Ledger.GetAsync("us-east-1", "ami-5", CancellationToken.None);
        await Ledger.UpdateStatusAsync("us-east-1", "ami-5", LedgerStatus.Restored, at.AddDays(1), CancellationToken.None);
        var restored = await Ledger.GetAsync("us-east-1", "ami-5", CancellationToken.None);

        Assert.Equal(LedgerStatus.Deregistered, deregistered!.Status);
        Assert.Null(deregistered.RestoredAt);
        Assert.Equal(LedgerStatus.Restored, restored!.Status);
        Assert.Equal(at.AddDays(1), restored.RestoredAt);
        Assert.Equal(Record("ami-5").Snapshots, restored.Snapshots);
    }

    [Fact]
    public async Task UpdateStatus_UnknownImage_ThrowsNotFoundNamingIt()
    {
        var ex = await Assert.ThrowsAsync<LedgerRecordNotFoundException>(
            () => Ledger.UpdateStatusAsync("us-east-1", "ami-nope", LedgerStatus.Deregistered, DateTimeOffset.UnixEpoch, CancellationToken.None));

        Assert.Contains("ami-nope", ex.Message, StringComparison.Ordinal);
        Assert.Null(await Ledger.GetAsync("us-east-1", "ami-nope", CancellationToken.None));
    }

    [Fact]
    public async Task Put_MissingTable_Throws()
    {
        var ledger = new DynamoDbDeregistrationLedger(Client, "no-such-table");

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => ledger.PutAsync(Record("ami-6"), CancellationToken.None));
    }

    [Fact]
    public void FromItem_MissingAttribute_ThrowsNamingIt()
    {
        var item = LedgerItemMapper.ToItem(Record("ami-7"));
        item.Remove("runId");

        var ex = Assert.Throws<LedgerRecordFormatException>(() => LedgerItemMapper.FromItem(item));

        Assert.Contains("'runId'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("us-east-1#ami-7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromItem_UnknownStatus_Throws()
    {
        var item = LedgerItemMapper.ToItem(Record("ami-8"));
        item["status"] = new AttributeValue { S = "Vanished" };

        Assert.Throws<LedgerRecordFormatException>(() => LedgerItemMapper.FromItem(item));
    }
}
