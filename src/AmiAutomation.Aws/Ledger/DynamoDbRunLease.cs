using System.Globalization;
using AmiAutomation.Core.Ledger;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace AmiAutomation.Aws.Ledger;

/// <summary>
/// The run lease as one item of the ledger table: <c>pk</c> = <see cref="PartitionKey"/> (never a region, so the
/// ledger's per-region Query never sees it), <c>sk</c> = the scope. Taken with a conditional PutItem (free, expired, or
/// ours), released with a conditional DeleteItem (ours only). DynamoDB serialises conditional writes on one item, so of
/// two racing runs exactly one wins.
/// </summary>
/// <remarks>IAM on the table: dynamodb:PutItem, dynamodb:GetItem, dynamodb:DeleteItem.
/// Conditional writes: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithItems.html#WorkingWithItems.ConditionalUpdate
/// The item also carries the table's TTL attribute, so a lease left by a crashed run is eventually deleted; the
/// condition on <see cref="LeaseUntil"/> is what decides, since TTL deletion can lag by days.</remarks>
public sealed class DynamoDbRunLease : IRunLease
{
    public const string PartitionKey = "run-lease";
    public const string RunId = "runId";
    public const string Function = "function";
    public const string Since = "since";

    /// <summary>Lease end in epoch milliseconds (the condition compares it).</summary>
    public const string LeaseUntil = "leaseUntil";

    private const int MaxAttempts = 3;

    private readonly IAmazonDynamoDB _client;
    private readonly string _tableName;

    public DynamoDbRunLease(IAmazonDynamoDB client, string tableName)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        _client = client;
        _tableName = tableName;
    }

    /// <inheritdoc />
    public async Task<RunLeaseResult> TryAcquireAsync(RunLeaseHolder wanted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        RunLeaseHolder? holder = null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            try
            {
                await _client.PutItemAsync(
                    new PutItemRequest
                    {
                        TableName = _tableName,
                        Item = ToItem(wanted),
                        ConditionExpression = "attribute_not_exists(#pk) OR #until < :now OR #run = :run",
                        ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal)
                        {
                            ["#pk"] = DynamoDbLedgerSchema.PartitionKey,
                            ["#until"] = LeaseUntil,
                            ["#run"] = RunId,
                        },
                        ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                        {
                            [":now"] = LedgerItemMapper.Num(now.ToUnixTimeMilliseconds()),
                            [":run"] = LedgerItemMapper.Str(wanted.RunId),
                        },
                    },
                    cancellationToken);
                return RunLeaseResult.Taken(wanted);
            }
            catch (ConditionalCheckFailedException)
            {
                holder = await ReadAsync(wanted.Scope, cancellationToken);
                if (holder is not null)
                {
                    return RunLeaseResult.HeldBy(holder);
                }

                // Released between our write and our read: try again.
            }
        }

        return RunLeaseResult.HeldBy(holder);
    }

    /// <inheritdoc />
    public async Task<bool> ReleaseAsync(RunLeaseHolder holder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(holder);
        try
        {
            await _client.DeleteItemAsync(
                new DeleteItemRequest
                {
                    TableName = _tableName,
                    Key = Key(holder.Scope),
                    ConditionExpression = "#run = :run",
                    ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#run"] = RunId },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                    {
                        [":run"] = LedgerItemMapper.Str(holder.RunId),
                    },
                },
                cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>The current holder of <paramref name="scope"/> (expired or not); null when free.</summary>
    public async Task<RunLeaseHolder?> ReadAsync(string scope, CancellationToken cancellationToken)
    {
        var response = await _client.GetItemAsync(
            new GetItemRequest { TableName = _tableName, Key = Key(scope), ConsistentRead = true },
            cancellationToken);
        return response?.Item is { Count: > 0 } item ? FromItem(scope, item) : null;
    }

    private static Dictionary<string, AttributeValue> Key(string scope) => new(StringComparer.Ordinal)
    {
        [DynamoDbLedgerSchema.PartitionKey] = LedgerItemMapper.Str(PartitionKey),
        [DynamoDbLedgerSchema.SortKey] = LedgerItemMapper.Str(scope),
    };

    private static Dictionary<string, AttributeValue> ToItem(RunLeaseHolder holder)
    {
        var item = Key(holder.Scope);
        item[RunId] = LedgerItemMapper.Str(holder.RunId);
        item[Function] = LedgerItemMapper.Str(holder.Function);
        item[Since] = LedgerItemMapper.Time(holder.Since);
        item[LeaseUntil] = LedgerItemMapper.Num(holder.ExpiresAt.ToUnixTimeMilliseconds());
        item[DynamoDbLedgerSchema.ExpiresAt] = LedgerItemMapper.Num(holder.ExpiresAt.ToUnixTimeSeconds() + 1);
        return item;
    }

    private static RunLeaseHolder FromItem(string scope, Dictionary<string, AttributeValue> item)
    {
        string Text(string key) => item.TryGetValue(key, out var value) && value.S is { } s ? s : "(unknown)";
        var since = DateTimeOffset.TryParse(Text(Since), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.MinValue;
        var until = item.TryGetValue(LeaseUntil, out var raw) && long.TryParse(raw.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.MinValue;
        return new RunLeaseHolder(scope, Text(RunId), Text(Function), since, until);
    }
}
