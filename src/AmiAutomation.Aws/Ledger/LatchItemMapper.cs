using AmiAutomation.Core.Ledger;
using Amazon.DynamoDBv2.Model;
using S = AmiAutomation.Aws.Ledger.DynamoDbLedgerSchema;

namespace AmiAutomation.Aws.Ledger;

/// <summary><see cref="RecycleBinLatch"/> ↔ DynamoDB item (low-level AttributeValue API, no reflection).</summary>
public static class LatchItemMapper
{
    public static Dictionary<string, AttributeValue> Key(string region) => new(StringComparer.Ordinal)
    {
        [S.PartitionKey] = LedgerItemMapper.Str(S.LatchPartitionPrefix + region),
        [S.SortKey] = LedgerItemMapper.Str(S.LatchSortKey),
    };

    public static Dictionary<string, AttributeValue> ToItem(RecycleBinLatch latch)
    {
        ArgumentNullException.ThrowIfNull(latch);
        var item = Key(latch.Region);
        item[S.RecordType] = LedgerItemMapper.Str(S.LatchRecordType);
        item[S.Region] = LedgerItemMapper.Str(latch.Region);
        item[S.LatchSetAt] = LedgerItemMapper.Time(latch.SetAt);
        item[S.RunId] = LedgerItemMapper.Str(latch.RunId);
        item[S.ImageId] = LedgerItemMapper.Str(latch.ImageId);
        item[S.LatchReason] = LedgerItemMapper.Str(latch.Reason);
        if (latch.ClearedAt is { } cleared)
        {
            item[S.LatchClearedAt] = LedgerItemMapper.Time(cleared);
            item[S.LatchClearedBy] = LedgerItemMapper.Str(latch.ClearedBy ?? string.Empty);
            item[S.LatchClearReason] = LedgerItemMapper.Str(latch.ClearReason ?? string.Empty);
        }

        return item;
    }

    /// <exception cref="LedgerRecordFormatException">A required attribute is missing or unreadable.</exception>
    public static RecycleBinLatch FromItem(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reader = new ItemReader(item);
        return new RecycleBinLatch
        {
            Region = reader.String(S.Region),
            SetAt = reader.Time(S.LatchSetAt),
            RunId = reader.String(S.RunId),
            ImageId = reader.String(S.ImageId),
            Reason = reader.String(S.LatchReason),
            ClearedAt = reader.OptionalTime(S.LatchClearedAt),
            ClearedBy = reader.OptionalString(S.LatchClearedBy),
            ClearReason = reader.OptionalString(S.LatchClearReason),
        };
    }
}
