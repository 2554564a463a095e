using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using Amazon.DynamoDBv2.Model;
using S = AmiAutomation.Aws.Ledger.DynamoDbLedgerSchema;

namespace AmiAutomation.Aws.Ledger;

/// <summary><see cref="DisableRecord"/> ↔ DynamoDB item (low-level AttributeValue API, no reflection). Its partition
/// (<c>disable#</c>region) never meets a deregistration record's (the bare region) or the latch's (<c>latch#</c>region).</summary>
public static class DisableItemMapper
{
    public static string Partition(string region) => S.DisablePartitionPrefix + region;

    public static Dictionary<string, AttributeValue> Key(string region, string imageId) => new(StringComparer.Ordinal)
    {
        [S.PartitionKey] = LedgerItemMapper.Str(Partition(region)),
        [S.SortKey] = LedgerItemMapper.Str(imageId),
    };

    public static Dictionary<string, AttributeValue> ToItem(DisableRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var item = Key(record.Region, record.ImageId);
        item[S.RecordType] = LedgerItemMapper.Str(S.DisableRecordType);
        item[S.ImageId] = LedgerItemMapper.Str(record.ImageId);
        item[S.Region] = LedgerItemMapper.Str(record.Region);
        item[S.Name] = LedgerItemMapper.Str(record.Name);
        item[S.Family] = LedgerItemMapper.Str(record.Family);
        item[S.ImageState] = LedgerItemMapper.Str(record.State.ToString());
        item[S.LaunchPermissions] = new AttributeValue
        {
            L = [.. record.LaunchPermissions.Select(p => new AttributeValue
            {
                M = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                {
                    [S.PermissionKind] = LedgerItemMapper.Str(p.Kind.ToString()),
                    [S.PermissionValue] = LedgerItemMapper.Str(p.Value),
                },
            })],
        };
        item[S.Reasons] = new AttributeValue { L = [.. record.Reasons.Select(LedgerItemMapper.Str)] };
        item[S.RunId] = LedgerItemMapper.Str(record.RunId);
        item[S.RecordedAt] = LedgerItemMapper.Time(record.RecordedAt);
        item[S.Status] = LedgerItemMapper.Str(record.Status.ToString());
        if (record.DeprecationTime is { } deprecation)
        {
            item[S.DeprecationTime] = LedgerItemMapper.Time(deprecation);
        }

        if (record.DisabledAt is { } disabled)
        {
            item[S.DisabledAt] = LedgerItemMapper.Time(disabled);
        }

        if (record.EnabledAt is { } enabled)
        {
            item[S.EnabledAt] = LedgerItemMapper.Time(enabled);
        }

        return item;
    }

    /// <exception cref="LedgerRecordFormatException">A required attribute is missing or unreadable.</exception>
    public static DisableRecord FromItem(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reader = new ItemReader(item);
        return new DisableRecord
        {
            ImageId = reader.String(S.ImageId),
            Region = reader.String(S.Region),
            Name = reader.String(S.Name),
            Family = reader.String(S.Family),
            State = reader.Enum<ImageState>(S.ImageState),
            LaunchPermissions = [.. reader.List(S.LaunchPermissions).Select(v => ReadPermission(reader, v))],
            DeprecationTime = reader.OptionalTime(S.DeprecationTime),
            Reasons = [.. reader.List(S.Reasons).Select(v => v.S ?? string.Empty)],
            RunId = reader.String(S.RunId),
            RecordedAt = reader.Time(S.RecordedAt),
            Status = reader.Enum<DisableRecordStatus>(S.Status),
            DisabledAt = reader.OptionalTime(S.DisabledAt),
            EnabledAt = reader.OptionalTime(S.EnabledAt),
        };
    }

    private static LaunchPermission ReadPermission(ItemReader reader, AttributeValue value)
    {
        var map = reader.Nested(value, S.LaunchPermissions);
        return new LaunchPermission(map.Enum<LaunchPermissionKind>(S.PermissionKind), map.String(S.PermissionValue));
    }
}
