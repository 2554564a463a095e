using AmiAutomation.Aws.Ledger;
using AmiAutomation.Core.Ledger;
using AmiAutomation.TestKit.Moto;

namespace AmiAutomation.Cli.Tests.Latch;

/// <summary><c>latch show|clear</c> against a DynamoDB ledger table on moto_server.</summary>
[Collection("moto")]
public sealed class LatchCommandTests(MotoServerFixture moto)
{
    private const string Region = "eu-west-3";
    private const string Table = "ami-ledger-latch-cli";

    private Dictionary<string, string> Environment => new()
    {
        ["AWS_ENDPOINT_URL_EC2"] = moto.ServiceUrl,
        ["AWS_ENDPOINT_URL_DYNAMODB"] = moto.ServiceUrl,
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
        ["AWS_REGION"] = Region,
        ["AWS_MAX_ATTEMPTS"] = "1",
        ["LEDGER_TABLE_NAME"] = Table,
    };

    [Fact]
    public async Task Latch_SetThenShowThenClear_ShowsBlocksAndRecordsWhoWhy()
    {
        await moto.ResetAsync();
        using var dynamo = moto.CreateDynamoDbClient(Region);
        await dynamo.CreateTableAsync(DynamoDbLedgerSchema.CreateTableRequest(Table));
        var ledger = new DynamoDbDeregistrationLedger(dynamo, Table);

        var never = await CliRun.RunAsync(Environment, "latch", "show");
        Assert.Equal(0, never.ExitCode);
        Assert.Contains("no Recycle Bin latch was ever set", never.Out, StringComparison.Ordinal);

        await ledger.SetLatchAsync(
            new RecycleBinLatch { Region = Region, SetAt = DateTimeOffset.Parse("2026-03-04T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), RunId = "run-1", ImageId = "ami-0123456789abcdef0", Reason = "snapshot snap-1 was not in the Recycle Bin" },
            CancellationToken.None);
        await ledger.SetLatchAsync(
            new RecycleBinLatch { Region = Region, SetAt = DateTimeOffset.UnixEpoch, RunId = "run-2", ImageId = "ami-0fffffffffffffff0", Reason = "second miss" },
            CancellationToken.None);
        Assert.Empty(await ledger.ListAsync(Region, CancellationToken.None));

        var set = await CliRun.RunAsync(Environment, "latch", "show");
        Assert.Equal(1, set.ExitCode);
        Assert.Contains("latch set", set.Out, StringComparison.Ordinal);
        Assert.Contains("run-1", set.Out, StringComparison.Ordinal);

        var noReason = await CliRun.RunAsync(Environment, "latch", "clear");
        Assert.Equal(2, noReason.ExitCode);

        var cleared = await CliRun.RunAsync(Environment, "latch", "clear", "--reason", "rule restored", "--by", "ops@example.com");
        Assert.Equal(0, cleared.ExitCode);
        var record = await ledger.GetLatchAsync(Region, CancellationToken.None);
        Assert.False(record!.IsSet);
        Assert.Equal(("ops@example.com", "rule restored", "run-1"), (record.ClearedBy, record.ClearReason, record.RunId));

        var again = await CliRun.RunAsync(Environment, "latch", "clear", "--reason", "again");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("was not set", again.Out, StringComparison.Ordinal);
    }
}
