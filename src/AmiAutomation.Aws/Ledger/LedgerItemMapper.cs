using System.Globalization;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using Amazon.DynamoDBv2.Model;
using S = AmiAutomation.Aws.Ledger.DynamoDbLedgerSchema;

namespace AmiAutomation.Aws.Ledger;

/// <summary><see cref="LedgerRecord"/> ↔ DynamoDB item, with the low-level AttributeValue API only (no reflection).</summary>
public static class LedgerItemMapper
{
    public static Dictionary<string, AttributeValue> Key(string region, string imageId) => new(StringComparer.Ordinal)
    {
        [S.PartitionKey] = Str(region),
        [S.SortKey] = Str(imageId),
    };

    public static Dictionary<string, AttributeValue> ToItem(LedgerRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var item = Key(record.Region, record.ImageId);
        item[S.ImageId] = Str(record.ImageId);
        item[S.Region] = Str(record.Region);
        item[S.Name] = Str(record.Name);
        item[S.Family] = Str(record.Family);
        item[S.Tags] = new AttributeValue { M = record.Tags.ToDictionary(t => t.Key, t => Str(t.Value), StringComparer.Ordinal) };
        item[S.Snapshots] = new AttributeValue
        {
            L = [.. record.Snapshots.Select(s => new AttributeValue
            {
                M = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                {
                    [S.SnapshotId] = Str(s.SnapshotId),
                    [S.SizeGiB] = Num(s.SizeGiB),
                    [S.DeviceName] = Str(s.DeviceName),
                },
            })],
        };
        item[S.LaunchPermissions] = new AttributeValue
        {
            L = [.. record.LaunchPermissions.Select(p => new AttributeValue
            {
                M = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                {
                    [S.PermissionKind] = Str(p.Kind.ToString()),
                    [S.PermissionValue] = Str(p.Value),
                },
            })],
        };
        item[S.Reasons] = new AttributeValue { L = [.. record.Reasons.Select(Str)] };
        item[S.RunId] = Str(record.RunId);
        item[S.RecordedAt] = Time(record.RecordedAt);
        item[S.ExpiresAt] = Num(record.ExpiresAt.ToUnixTimeSeconds());
        item[S.Status] = Str(record.Status.ToString());
        if (record.Description is not null)
        {
            item[S.Description] = Str(record.Description);
        }

        if (record.DeprecationTime is { } deprecation)
        {
            item[S.DeprecationTime] = Time(deprecation);
        }

        if (record.RestoredAt is { } restored)
        {
            item[S.RestoredAt] = Time(restored);
        }

        return item;
    }

    /// <exception cref="LedgerRecordFormatException">A required attribute is missing or unreadable.</exception>
    public static LedgerRecord FromItem(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reader = new ItemReader(item);
        return new LedgerRecord
        {
            ImageId = reader.String(S.ImageId),
            Region = reader.String(S.Region),
            Name = reader.String(S.Name),
            Description = reader.OptionalString(S.Description),
            Family = reader.String(S.Family),
            Tags = reader.Map(S.Tags).ToDictionary(kv => kv.Key, kv => kv.Value.S ?? string.Empty, StringComparer.Ordinal),
            Snapshots = [.. reader.List(S.Snapshots).Select(v => ReadSnapshot(reader, v))],
            LaunchPermissions = [.. reader.List(S.LaunchPermissions).Select(v => ReadPermission(reader, v))],
            DeprecationTime = reader.OptionalTime(S.DeprecationTime),
            Reasons = [.. reader.List(S.Reasons).Select(v => v.S ?? string.Empty)],
            RunId = reader.String(S.RunId),
            RecordedAt = reader.Time(S.RecordedAt),
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(reader.Long(S.ExpiresAt)),
            Status = reader.Enum<LedgerStatus>(S.Status),
            RestoredAt = reader.OptionalTime(S.RestoredAt),
        };
    }

    public static AttributeValue Str(string value) => new() { S = value };

    public static AttributeValue Num(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue Time(DateTimeOffset value) => Str(value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));

    private static SnapshotInfo ReadSnapshot(ItemReader reader, AttributeValue value)
    {
        var map = reader.Nested(value, S.Snapshots);
        return new SnapshotInfo(map.String(S.SnapshotId), (int)map.Long(S.SizeGiB), map.OptionalString(S.DeviceName) ?? string.Empty);
    }

    private static LaunchPermission ReadPermission(ItemReader reader, AttributeValue value)
    {
        var map = reader.Nested(value, S.LaunchPermissions);
        return new LaunchPermission(map.Enum<LaunchPermissionKind>(S.PermissionKind), map.String(S.PermissionValue));
    }
}
