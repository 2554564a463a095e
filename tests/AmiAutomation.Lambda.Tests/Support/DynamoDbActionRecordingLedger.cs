using AmiAutomation.Core.Ledger;

namespace AmiAutomation.Lambda.Tests.Support;

/// <summary>
/// Wraps the in-memory ledger and records, for every call, the DynamoDB action the deployed ledger
/// (<c>AmiAutomation.Aws.Ledger.DynamoDbDeregistrationLedger</c>) sends for it — before the call, since an attempt
/// already needs the permission:
/// <code>
/// IDeregistrationLedger      DynamoDbDeregistrationLedger sends      IAM action
/// PutAsync                   PutItem                                 dynamodb:PutItem
/// GetAsync                   GetItem (ConsistentRead)                dynamodb:GetItem
/// ListAsync                  Query on the region's partition, paged  dynamodb:Query
/// UpdateStatusAsync          UpdateItem (attribute_exists condition) dynamodb:UpdateItem
/// GetLatchAsync              GetItem (ConsistentRead)                dynamodb:GetItem
/// SetLatchAsync              PutItem (condition: absent or cleared)  dynamodb:PutItem
/// ClearLatchAsync            UpdateItem (condition: set)             dynamodb:UpdateItem
/// PutDisableRecordAsync      PutItem                                 dynamodb:PutItem
/// GetDisableRecordAsync      GetItem (ConsistentRead)                dynamodb:GetItem
/// ListDisableRecordsAsync    Query on disable#region, paged          dynamodb:Query
/// </code>
/// <see cref="ActionOf"/> holds this table; a test checks it against the real class's SDK calls.
/// </summary>
internal sealed class DynamoDbActionRecordingLedger(IDeregistrationLedger inner, PermissionLog log) : IDeregistrationLedger
{
    /// <summary>IDeregistrationLedger method name → the IAM action of the DynamoDB call behind it.</summary>
    public static IReadOnlyDictionary<string, string> ActionOf { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(IDeregistrationLedger.PutAsync)] = "dynamodb:PutItem",
        [nameof(IDeregistrationLedger.GetAsync)] = "dynamodb:GetItem",
        [nameof(IDeregistrationLedger.ListAsync)] = "dynamodb:Query",
        [nameof(IDeregistrationLedger.UpdateStatusAsync)] = "dynamodb:UpdateItem",
        [nameof(IDeregistrationLedger.GetLatchAsync)] = "dynamodb:GetItem",
        [nameof(IDeregistrationLedger.SetLatchAsync)] = "dynamodb:PutItem",
        [nameof(IDeregistrationLedger.ClearLatchAsync)] = "dynamodb:UpdateItem",
        [nameof(IDeregistrationLedger.PutDisableRecordAsync)] = "dynamodb:PutItem",
        [nameof(IDeregistrationLedger.GetDisableRecordAsync)] = "dynamodb:GetItem",
        [nameof(IDeregistrationLedger.ListDisableRecordsAsync)] = "dynamodb:Query",
    };

    public Task PutAsync(LedgerRecord record, CancellationToken cancellationToken)
    {
        Record(nameof(PutAsync));
        return inner.PutAsync(record, cancellationToken);
    }

    public Task<LedgerRecord?> GetAsync(string region, string imageId, CancellationToken cancellationToken)
    {
        Record(nameof(GetAsync));
        return inner.GetAsync(region, imageId, cancellationToken);
    }

    public Task<IReadOnlyList<LedgerRecord>> ListAsync(string region, CancellationToken cancellationToken)
    {
        Record(nameof(ListAsync));
        return inner.ListAsync(region, cancellationToken);
    }

    public Task UpdateStatusAsync(string region, string imageId, LedgerStatus status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Record(nameof(UpdateStatusAsync));
        return inner.UpdateStatusAsync(region, imageId, status, at, cancellationToken);
    }

    public Task<RecycleBinLatch?> GetLatchAsync(string region, CancellationToken cancellationToken)
    {
        Record(nameof(GetLatchAsync));
        return inner.GetLatchAsync(region, cancellationToken);
    }

    public Task SetLatchAsync(RecycleBinLatch latch, CancellationToken cancellationToken)
    {
        Record(nameof(SetLatchAsync));
        return inner.SetLatchAsync(latch, cancellationToken);
    }

    public Task<RecycleBinLatch?> ClearLatchAsync(string region, string clearedBy, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Record(nameof(ClearLatchAsync));
        return inner.ClearLatchAsync(region, clearedBy, reason, at, cancellationToken);
    }

    public Task PutDisableRecordAsync(DisableRecord record, CancellationToken cancellationToken)
    {
        Record(nameof(PutDisableRecordAsync));
        return inner.PutDisableRecordAsync(record, cancellationToken);
    }

    public Task<DisableRecord?> GetDisableRecordAsync(string region, string imageId, CancellationToken cancellationToken)
    {
        Record(nameof(GetDisableRecordAsync));
        return inner.GetDisableRecordAsync(region, imageId, cancellationToken);
    }

    public Task<IReadOnlyList<DisableRecord>> ListDisableRecordsAsync(string region, CancellationToken cancellationToken)
    {
        Record(nameof(ListDisableRecordsAsync));
        return inner.ListDisableRecordsAsync(region, cancellationToken);
    }

    private void Record(string method) => log.Add(ActionOf[method]);
}
