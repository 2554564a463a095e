using AmiAutomation.Core.Ledger;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using S = AmiAutomation.Aws.Ledger.DynamoDbLedgerSchema;

namespace AmiAutomation.Aws.Ledger;

/// <summary>
/// The deregistration ledger in DynamoDB (schema: <see cref="DynamoDbLedgerSchema"/>). Reads are strongly consistent so
/// a record written right before a deregistration is seen by the restore function at once.
/// </summary>
/// <remarks>IAM on the table: dynamodb:PutItem, dynamodb:GetItem, dynamodb:Query, dynamodb:UpdateItem.</remarks>
public sealed class DynamoDbDeregistrationLedger : IDeregistrationLedger
{
    private readonly IAmazonDynamoDB _client;
    private readonly string _tableName;

    public DynamoDbDeregistrationLedger(IAmazonDynamoDB client, string tableName)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        _client = client;
        _tableName = tableName;
    }

    public string TableName => _tableName;

    /// <inheritdoc />
    public async Task PutAsync(LedgerRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _client.PutItemAsync(
            new PutItemRequest { TableName = _tableName, Item = LedgerItemMapper.ToItem(record) },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<LedgerRecord?> GetAsync(string region, string imageId, CancellationToken cancellationToken)
    {
        var response = await _client.GetItemAsync(
            new GetItemRequest { TableName = _tableName, Key = LedgerItemMapper.Key(region, imageId), ConsistentRead = true },
            cancellationToken);
        return response?.Item is { Count: > 0 } item ? LedgerItemMapper.FromItem(item) : null;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerRecord>> ListAsync(string region, CancellationToken cancellationToken) =>
        QueryPartitionAsync(region, LedgerItemMapper.FromItem, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="LedgerRecordNotFoundException">No record for <paramref name="imageId"/> in <paramref name="region"/>.</exception>
    public async Task UpdateStatusAsync(string region, string imageId, LedgerStatus status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["#pk"] = S.PartitionKey,
            ["#status"] = S.Status,
            ["#changed"] = S.StatusChangedAt,
        };
        var values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [":status"] = LedgerItemMapper.Str(status.ToString()),
            [":at"] = LedgerItemMapper.Time(at),
        };
        var update = "SET #status = :status, #changed = :at";
        if (status == LedgerStatus.Restored)
        {
            names["#restored"] = S.RestoredAt;
            update += ", #restored = :at";
        }

        try
        {
            await _client.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = _tableName,
                    Key = LedgerItemMapper.Key(region, imageId),
                    UpdateExpression = update,
                    ConditionExpression = "attribute_exists(#pk)",
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = values,
                },
                cancellationToken);
        }
        catch (ConditionalCheckFailedException ex)
        {
            throw LedgerRecordNotFoundException.For(region, imageId, _tableName, ex);
        }
    }

    /// <inheritdoc />
    public async Task<RecycleBinLatch?> GetLatchAsync(string region, CancellationToken cancellationToken)
    {
        var response = await _client.GetItemAsync(
            new GetItemRequest { TableName = _tableName, Key = LatchItemMapper.Key(region), ConsistentRead = true },
            cancellationToken);
        return response?.Item is { Count: > 0 } item ? LatchItemMapper.FromItem(item) : null;
    }

    /// <inheritdoc />
    public async Task SetLatchAsync(RecycleBinLatch latch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(latch);
        try
        {
            // Only when absent or cleared: the first miss stays on record until an operator clears it.
            await _client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = _tableName,
                    Item = LatchItemMapper.ToItem(latch with { ClearedAt = null, ClearedBy = null, ClearReason = null }),
                    ConditionExpression = "attribute_not_exists(#pk) OR attribute_exists(#cleared)",
                    ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["#pk"] = S.PartitionKey,
                        ["#cleared"] = S.LatchClearedAt,
                    },
                },
                cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // Already set by an earlier miss: nothing to add.
        }
    }

    /// <inheritdoc />
    public async Task<RecycleBinLatch?> ClearLatchAsync(string region, string clearedBy, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clearedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        try
        {
            var response = await _client.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = _tableName,
                    Key = LatchItemMapper.Key(region),
                    UpdateExpression = "SET #cleared = :at, #by = :by, #why = :why",
                    ConditionExpression = "attribute_exists(#pk) AND attribute_not_exists(#cleared)",
                    ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["#pk"] = S.PartitionKey,
                        ["#cleared"] = S.LatchClearedAt,
                        ["#by"] = S.LatchClearedBy,
                        ["#why"] = S.LatchClearReason,
                    },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                    {
                        [":at"] = LedgerItemMapper.Time(at),
                        [":by"] = LedgerItemMapper.Str(clearedBy),
                        [":why"] = LedgerItemMapper.Str(reason),
                    },
                    ReturnValues = ReturnValue.ALL_NEW,
                },
                cancellationToken);
            return response?.Attributes is { Count: > 0 } item ? LatchItemMapper.FromItem(item) : null;
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task PutDisableRecordAsync(DisableRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _client.PutItemAsync(
            new PutItemRequest { TableName = _tableName, Item = DisableItemMapper.ToItem(record) },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DisableRecord?> GetDisableRecordAsync(string region, string imageId, CancellationToken cancellationToken)
    {
        var response = await _client.GetItemAsync(
            new GetItemRequest { TableName = _tableName, Key = DisableItemMapper.Key(region, imageId), ConsistentRead = true },
            cancellationToken);
        return response?.Item is { Count: > 0 } item ? DisableItemMapper.FromItem(item) : null;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DisableRecord>> ListDisableRecordsAsync(string region, CancellationToken cancellationToken) =>
        QueryPartitionAsync(DisableItemMapper.Partition(region), DisableItemMapper.FromItem, cancellationToken);

    /// <summary>Every item of one partition (strongly consistent, paged to the end).</summary>
    private async Task<IReadOnlyList<T>> QueryPartitionAsync<T>(
        string partition, Func<IReadOnlyDictionary<string, AttributeValue>, T> map, CancellationToken cancellationToken)
    {
        var records = new List<T>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var response = await _client.QueryAsync(
                new QueryRequest
                {
                    TableName = _tableName,
                    KeyConditionExpression = "#pk = :pk",
                    ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#pk"] = S.PartitionKey },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [":pk"] = LedgerItemMapper.Str(partition) },
                    ConsistentRead = true,
                    ExclusiveStartKey = startKey,
                },
                cancellationToken);
            records.AddRange((response.Items ?? []).Select(i => map(i)));
            startKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (startKey is not null);

        return records;
    }
}
