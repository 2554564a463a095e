using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Ledger;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Ledger;
using AmiAutomation.TestKit.Moto;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Tests.Ledger;

/// <summary>The run lease against moto_server's DynamoDB (real conditional writes); each test makes its own table,
/// and writes ledger records next to the lease to show the two never see each other.</summary>
[Collection(MotoCollection.Name)]
public sealed class DynamoDbRunLeaseTests(MotoServerFixture moto) : IAsyncLifetime, IDisposable
{
    private const string Region = "us-east-1";
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);
    private readonly string _table = "lease-" + Guid.NewGuid().ToString("N")[..8];
    private IAmazonDynamoDB? _client;

    private IAmazonDynamoDB Client => _client!;

    private DynamoDbRunLease Lease => new(Client, _table);

    public async Task InitializeAsync()
    {
        _client = DynamoDbClientFactory.Create(Region, new AwsClientOptions
        {
            DynamoDbEndpointUrl = new Uri(moto.ServiceUrl),
            Credentials = new BasicAWSCredentials("test", "test"),
            MaxErrorRetry = 0,
        });
        await Client.CreateTableAsync(DynamoDbLedgerSchema.CreateTableRequest(_table));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _client?.Dispose();

    private static RunLeaseHolder Holder(string runId, string function = "expire", DateTimeOffset? since = null) =>
        new(Region, runId, function, since ?? Now, (since ?? Now).AddMinutes(16));

    [Fact]
    public async Task TryAcquireAsync_FreeLease_IsTaken()
    {
        var result = await Lease.TryAcquireAsync(Holder("run-a"), Now, CancellationToken.None);

        Assert.True(result.Acquired);
        Assert.Equal(Holder("run-a"), await Lease.ReadAsync(Region, CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquireAsync_HeldByAnotherRun_IsRefusedAndNamesTheHolder()
    {
        await Lease.TryAcquireAsync(Holder("run-a", "deprecate"), Now, CancellationToken.None);

        var result = await Lease.TryAcquireAsync(Holder("run-b"), Now.AddMinutes(5), CancellationToken.None);

        Assert.False(result.Acquired);
        Assert.Equal("run-a", result.Holder?.RunId);
        Assert.Equal("deprecate", result.Holder?.Function);
        Assert.Equal(Now, result.Holder?.Since);
    }

    [Fact]
    public async Task TryAcquireAsync_SameRunAgain_IsTaken()
    {
        await Lease.TryAcquireAsync(Holder("run-a"), Now, CancellationToken.None);

        Assert.True((await Lease.TryAcquireAsync(Holder("run-a"), Now.AddMinutes(1), CancellationToken.None)).Acquired);
    }

    [Fact]
    public async Task TryAcquireAsync_ExpiredLeaseOfACrashedRun_IsTakenOver()
    {
        await Lease.TryAcquireAsync(Holder("run-crashed"), Now, CancellationToken.None);

        var later = Now.AddMinutes(17);
        var result = await Lease.TryAcquireAsync(Holder("run-b", since: later), later, CancellationToken.None);

        Assert.True(result.Acquired);
        Assert.Equal("run-b", (await Lease.ReadAsync(Region, CancellationToken.None))?.RunId);
    }

    [Fact]
    public async Task TryAcquireAsync_OneSecondBeforeExpiry_IsStillRefused()
    {
        await Lease.TryAcquireAsync(Holder("run-a"), Now, CancellationToken.None);

        var result = await Lease.TryAcquireAsync(Holder("run-b"), Now.AddMinutes(16).AddSeconds(-1), CancellationToken.None);

        Assert.False(result.Acquired);
    }

    [Fact]
    public async Task TryAcquireAsync_TwentyAcquirers_ExactlyOneWinsAndTheOthersNameIt()
    {
        // Twenty runs want the lease; only the first may act, and every other is refused naming it. They go one after
        // another, not in a thread race: moto_server is threaded and its DynamoDB holds no lock between a condition
        // check and the write (moto 5.2: moto/dynamodb/models has none), so a true race against moto can let two
        // writers pass a condition that DynamoDB itself evaluates atomically with the write
        // (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithItems.html#WorkingWithItems.ConditionalUpdate).
        // The thread-race version of this test failed once in 15 runs on a loaded machine (2026-12-06). What this test owns is the
        // condition expression and the refusal path; concurrent runs are attacked with the in-memory lease, which is atomic.
        var results = new List<RunLeaseResult>();
        foreach (var i in Enumerable.Range(0, 20).OrderBy(i => (i * 7) % 20))
        {
            results.Add(await Lease.TryAcquireAsync(Holder($"run-{i}"), Now, CancellationToken.None));
        }

        var winners = results.Where(r => r.Acquired).ToList();
        Assert.Single(winners);
        var stored = await Lease.ReadAsync(Region, CancellationToken.None);
        Assert.Equal(winners[0].Holder?.RunId, stored?.RunId);
        Assert.All(results.Where(r => !r.Acquired), r => Assert.Equal(stored?.RunId, r.Holder?.RunId));
    }

    [Fact]
    public async Task ReleaseAsync_ByTheHolder_FreesTheLease()
    {
        await Lease.TryAcquireAsync(Holder("run-a"), Now, CancellationToken.None);

        Assert.True(await Lease.ReleaseAsync(Holder("run-a"), CancellationToken.None));

        Assert.Null(await Lease.ReadAsync(Region, CancellationToken.None));
        Assert.True((await Lease.TryAcquireAsync(Holder("run-b"), Now.AddSeconds(1), CancellationToken.None)).Acquired);
    }

    [Fact]
    public async Task ReleaseAsync_ByARunWhoseLeaseWasTakenOver_LeavesTheNewHolder()
    {
        await Lease.TryAcquireAsync(Holder("run-slow"), Now, CancellationToken.None);
        var later = Now.AddMinutes(20);
        await Lease.TryAcquireAsync(Holder("run-new", since: later), later, CancellationToken.None);

        Assert.False(await Lease.ReleaseAsync(Holder("run-slow"), CancellationToken.None));

        Assert.Equal("run-new", (await Lease.ReadAsync(Region, CancellationToken.None))?.RunId);
    }

    [Fact]
    public async Task TryAcquireAsync_OtherRegion_IsIndependent()
    {
        await Lease.TryAcquireAsync(Holder("run-a"), Now, CancellationToken.None);

        var other = new RunLeaseHolder("eu-west-1", "run-b", "expire", Now, Now.AddMinutes(16));
        Assert.True((await Lease.TryAcquireAsync(other, Now, CancellationToken.None)).Acquired);
    }

    [Fact]
    public async Task ListAsync_LedgerOfTheRegion_NeverContainsTheLeaseItem()
    {
        var ledger = new DynamoDbDeregistrationLedger(Client, _table);
        await Lease.TryAcquireAsync(Holder("run-a"), Now, CancellationToken.None);

        Assert.Empty(await ledger.ListAsync(Region, CancellationToken.None));
    }
}
