using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace AmiAutomation.Aws.Ledger;

/// <summary>
/// The ledger table: partition key <c>pk</c> = region, sort key <c>sk</c> = image id (so one Query lists a region),
/// TTL attribute <c>expiresAt</c> (epoch seconds: when the Recycle Bin purges the image). Keep template.yaml in step.
/// The Recycle Bin latch is a record type of its own: <c>pk</c> = <c>latch#</c>region, <c>sk</c> = <c>latch</c>
/// (a separate partition, so a region's Query never returns it), with no TTL.
/// The disable record (launch permissions kept before DisableImage) too: <c>pk</c> = <c>disable#</c>region,
/// <c>sk</c> = image id, no TTL (it dates the disable and holds the shares as long as the image may be enabled).
/// </summary>
public static class DynamoDbLedgerSchema
{
    public const string PartitionKey = "pk";
    public const string SortKey = "sk";
    public const string ImageId = "imageId";
    public const string Region = "region";
    public const string Name = "name";
    public const string Description = "description";
    public const string Family = "family";
    public const string Tags = "tags";
    public const string Snapshots = "snapshots";
    public const string SnapshotId = "snapshotId";
    public const string SizeGiB = "sizeGiB";
    public const string DeviceName = "deviceName";
    public const string LaunchPermissions = "launchPermissions";
    public const string PermissionKind = "kind";
    public const string PermissionValue = "value";
    public const string DeprecationTime = "deprecationTime";
    public const string Reasons = "reasons";
    public const string RunId = "runId";
    public const string RecordedAt = "recordedAt";
    public const string ExpiresAt = "expiresAt";
    public const string Status = "status";
    public const string StatusChangedAt = "statusChangedAt";
    public const string RestoredAt = "restoredAt";

    /// <summary>Latch record: partition key prefix (then the region) and its one sort key.</summary>
    public const string LatchPartitionPrefix = "latch#";
    public const string LatchSortKey = "latch";
    public const string RecordType = "recordType";
    public const string LatchRecordType = "RecycleBinLatch";
    public const string LatchSetAt = "setAt";
    public const string LatchReason = "reason";
    public const string LatchClearedAt = "clearedAt";
    public const string LatchClearedBy = "clearedBy";
    public const string LatchClearReason = "clearReason";

    /// <summary>Disable record: partition key prefix (then the region); the sort key is the image id.</summary>
    public const string DisablePartitionPrefix = "disable#";
    public const string DisableRecordType = "DisableRecord";
    public const string ImageState = "imageState";
    public const string DisabledAt = "disabledAt";
    public const string EnabledAt = "enabledAt";

    /// <summary>An on-demand table with this schema (tests, CLI set-up; production uses template.yaml).</summary>
    public static CreateTableRequest CreateTableRequest(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new AttributeDefinition(PartitionKey, ScalarAttributeType.S),
            new AttributeDefinition(SortKey, ScalarAttributeType.S),
        ],
        KeySchema =
        [
            new KeySchemaElement(PartitionKey, KeyType.HASH),
            new KeySchemaElement(SortKey, KeyType.RANGE),
        ],
    };

    /// <summary>Turns on TTL on <see cref="ExpiresAt"/>.</summary>
    public static UpdateTimeToLiveRequest EnableTimeToLiveRequest(string tableName) => new()
    {
        TableName = tableName,
        TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = ExpiresAt, Enabled = true },
    };
}
