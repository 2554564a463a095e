using System.Globalization;
using AmiAutomation.Simulation.State;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Operations;

/// <summary>DescribeSnapshots (own snapshots; MaxResults 5–1000, not with SnapshotIds) and DeleteSnapshot
/// (InvalidSnapshot.InUse while a registered or disabled image uses it; binned if an EBS_SNAPSHOT rule matches).</summary>
internal static class SnapshotOperations
{
    private const string Scope = "DescribeSnapshots";

    private static readonly HashSet<string> KnownFilters = new(StringComparer.Ordinal)
    {
        "description", "encrypted", "kms-key-id", "owner-alias", "owner-id", "progress", "snapshot-id", "start-time",
        "status", "storage-tier", "tag-key", "tag-value", "volume-id", "volume-size",
    };

    public static DescribeSnapshotsResponse Describe(OperationContext context, DescribeSnapshotsRequest request)
    {
        var byId = request.SnapshotIds is { Count: > 0 };
        if (byId && request.MaxResults is not null)
        {
            throw Ec2Errors.InvalidParameterCombination("The parameter SnapshotIds cannot be used with the parameter MaxResults.");
        }

        PageToken.CheckRange(request.MaxResults, 5, 1000);
        var filters = FilterSet.Compile(request.Filters, KnownFilters);
        var start = PageToken.Decode(Scope, request.NextToken);
        var region = context.Region;
        var account = context.AccountId;
        var owners = request.OwnerIds is { Count: > 0 }
            ? request.OwnerIds.Select(o => o == "self" ? account : o).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal) { account };
        IEnumerable<(int, SimSnapshot)> candidates;
        if (byId)
        {
            var ids = request.SnapshotIds!.Distinct(StringComparer.Ordinal).ToList();
            var malformed = ids.Find(id => !ResourceIds.IsSnapshotId(id));
            if (malformed is not null)
            {
                throw Ec2Errors.SnapshotMalformed(malformed);
            }

            var unknown = ids.Where(id => !region.Snapshots.Contains(id)).ToList();
            if (unknown.Count > 0)
            {
                throw Ec2Errors.SnapshotNotFound(unknown);
            }

            candidates = ids.Select((id, position) => (position, region.Snapshots.Find(id)!)).Where(e => e.position >= start);
        }
        else
        {
            candidates = region.Snapshots.From(start);
        }

        context.Commit();
        var matches = candidates.Where(e => owners.Contains(e.Item2.OwnerId) && filters.Matches(e.Item2, FilterValues));
        var (page, next) = PageToken.Page(matches, request.MaxResults, Scope);
        return new DescribeSnapshotsResponse
        {
            Snapshots = SdkLists.OrNull(page.Select(ToSdk).ToList()),
            NextToken = next,
            HttpStatusCode = System.Net.HttpStatusCode.OK,
        };
    }

    public static DeleteSnapshotResponse Delete(OperationContext context, DeleteSnapshotRequest request)
    {
        var snapshotId = ResourceIds.RequireSnapshotId(request.SnapshotId);
        var region = context.Region;
        if (region.Snapshots.Find(snapshotId) is not { } snapshot)
        {
            throw Ec2Errors.SnapshotNotFound([snapshotId]);
        }

        var users = region.SnapshotUsers(snapshotId);
        if (users.Count > 0)
        {
            throw Ec2Errors.Create("InvalidSnapshot.InUse", $"The snapshot {snapshotId} is currently in use by {string.Join(", ", users.Order(StringComparer.Ordinal))}");
        }

        context.Commit();
        Retirement.RetireSnapshot(context, snapshot);
        return new DeleteSnapshotResponse { HttpStatusCode = System.Net.HttpStatusCode.OK };
    }

    public static Snapshot ToSdk(SimSnapshot snapshot) => new()
    {
        SnapshotId = snapshot.SnapshotId,
        VolumeId = snapshot.VolumeId,
        OwnerId = snapshot.OwnerId,
        VolumeSize = snapshot.VolumeSizeGiB,
        Description = snapshot.Description,
        StartTime = snapshot.StartTime.UtcDateTime,
        State = SnapshotState.FindValue(snapshot.State),
        Progress = snapshot.State == "pending" ? "50%" : "100%",
        Encrypted = snapshot.Encrypted,
        KmsKeyId = snapshot.KmsKeyId,
        StorageTier = StorageTier.Standard,
        Tags = ImageMapper.Tags(snapshot.Tags),
    };

    private static IEnumerable<string?> FilterValues(SimSnapshot snapshot, string name) => name switch
    {
        "snapshot-id" => [snapshot.SnapshotId],
        "description" => [snapshot.Description],
        "status" => [snapshot.State],
        "owner-id" => [snapshot.OwnerId],
        "volume-id" => [snapshot.VolumeId],
        "volume-size" => [snapshot.VolumeSizeGiB.ToString(CultureInfo.InvariantCulture)],
        "encrypted" => [snapshot.Encrypted ? "true" : "false"],
        "kms-key-id" => [snapshot.KmsKeyId],
        "progress" => [snapshot.State == "pending" ? "50%" : "100%"],
        "start-time" => [TimeFormat.Iso(snapshot.StartTime)],
        "storage-tier" => ["standard"],
        "owner-alias" => [],
        _ => FilterSet.TagValues(snapshot.Tags, name),
    };
}
