using AmiAutomation.Simulation.State;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Operations;

/// <summary>
/// List/Restore {Images,Snapshots} in the Recycle Bin. A restored image comes back <c>available</c> under the same id
/// with its launch permissions, but WITHOUT its deprecation time and deregistration protection (undocumented in EC2;
/// the simulator takes the pessimistic reading so callers re-apply them). Restoring an image whose snapshots are not
/// all back and <c>completed</c> fails with <see cref="SimulatedErrorCodes.RestoreBeforeSnapshots"/>.
/// </summary>
internal static class RecycleBinOperations
{
    public static ListImagesInRecycleBinResponse ListImages(OperationContext context, ListImagesInRecycleBinRequest request)
    {
        var ids = RequestedIds(request.ImageIds, ResourceIds.IsImageId, Ec2Errors.ImageMalformed, maxIds: 20, "ImageIds");
        var (page, next) = Page(
            context, "ListImagesInRecycleBin", context.Region.BinnedImages, b => b.Image.ImageId, ids, request.MaxResults, minResults: 1, request.NextToken);
        return new ListImagesInRecycleBinResponse
        {
            Images = SdkLists.OrNull(page.Select(b => new ImageRecycleBinInfo
            {
                ImageId = b.Image.ImageId,
                Name = b.Image.Name,
                Description = b.Image.Description,
                RecycleBinEnterTime = b.EnterTime.UtcDateTime,
                RecycleBinExitTime = b.ExitTime.UtcDateTime,
            }).ToList()),
            NextToken = next,
            HttpStatusCode = System.Net.HttpStatusCode.OK,
        };
    }

    public static ListSnapshotsInRecycleBinResponse ListSnapshots(OperationContext context, ListSnapshotsInRecycleBinRequest request)
    {
        var ids = RequestedIds(request.SnapshotIds, ResourceIds.IsSnapshotId, Ec2Errors.SnapshotMalformed, maxIds: null, "SnapshotIds");
        var (page, next) = Page(
            context, "ListSnapshotsInRecycleBin", context.Region.BinnedSnapshots, b => b.Snapshot.SnapshotId, ids, request.MaxResults, minResults: 5, request.NextToken);
        return new ListSnapshotsInRecycleBinResponse
        {
            Snapshots = SdkLists.OrNull(page.Select(b => new SnapshotRecycleBinInfo
            {
                SnapshotId = b.Snapshot.SnapshotId,
                Description = b.Snapshot.Description,
                VolumeId = b.Snapshot.VolumeId,
                RecycleBinEnterTime = b.EnterTime.UtcDateTime,
                RecycleBinExitTime = b.ExitTime.UtcDateTime,
            }).ToList()),
            NextToken = next,
            HttpStatusCode = System.Net.HttpStatusCode.OK,
        };
    }

    public static RestoreSnapshotFromRecycleBinResponse RestoreSnapshot(OperationContext context, RestoreSnapshotFromRecycleBinRequest request)
    {
        var snapshotId = ResourceIds.RequireSnapshotId(request.SnapshotId);
        var region = context.Region;
        if (region.BinnedSnapshots.Find(snapshotId) is not { } binned)
        {
            throw Ec2Errors.Create("InvalidSnapshot.NotFound", $"The snapshot '{snapshotId}' is not in the Recycle Bin of {region.Name}.");
        }

        context.Commit();
        var snapshot = binned.Snapshot;
        region.BinnedSnapshots.Remove(snapshotId);
        region.GoneSnapshotIds.Remove(snapshotId);
        snapshot.Tags.Remove(Retirement.InBinTag);
        var delay = context.World.Options.SnapshotRestoreDuration;
        snapshot.State = delay > TimeSpan.Zero ? "pending" : "completed";
        snapshot.CompletesAt = delay > TimeSpan.Zero ? context.Now + delay : null;
        region.Snapshots.Add(snapshotId, snapshot);
        if (snapshot.State == "pending")
        {
            region.MarkPending(snapshot);
        }

        return new RestoreSnapshotFromRecycleBinResponse
        {
            SnapshotId = snapshotId,
            State = SnapshotState.FindValue(snapshot.State),
            Progress = snapshot.State == "pending" ? "0%" : "100%",
            VolumeSize = snapshot.VolumeSizeGiB,
            VolumeId = snapshot.VolumeId,
            Description = snapshot.Description,
            Encrypted = snapshot.Encrypted,
            OwnerId = snapshot.OwnerId,
            StartTime = snapshot.StartTime.UtcDateTime,
            HttpStatusCode = System.Net.HttpStatusCode.OK,
        };
    }

    public static RestoreImageFromRecycleBinResponse RestoreImage(OperationContext context, RestoreImageFromRecycleBinRequest request)
    {
        var imageId = ResourceIds.RequireImageId(request.ImageId);
        var region = context.Region;
        if (region.BinnedImages.Find(imageId) is not { } binned)
        {
            throw Ec2Errors.Create(SimulatedErrorCodes.ImageNotInRecycleBinFor(context.World.Options), $"The image id '[{imageId}]' is not in the Recycle Bin of {region.Name}.");
        }

        var image = binned.Image;
        foreach (var snapshotId in image.SnapshotIds)
        {
            var why = region.Snapshots.Find(snapshotId) is { } live
                ? live.State == "completed" ? null : $"is still {live.State}"
                : region.BinnedSnapshots.Contains(snapshotId) ? "is still in the Recycle Bin" : "no longer exists";
            if (why is not null)
            {
                throw Ec2Errors.Create(SimulatedErrorCodes.RestoreBeforeSnapshotsFor(context.World.Options), $"Image {imageId} cannot be restored: its snapshot {snapshotId} {why}. Restore its snapshots (and wait for completed) first.");
            }
        }

        if (region.ImageHoldingName(image.Name) is { } holder)
        {
            throw Ec2Errors.Create("InvalidAMIName.Duplicate", $"AMI name {image.Name} is already in use by AMI {holder}");
        }

        context.Commit();
        region.BinnedImages.Remove(imageId);
        image.Tags.Remove(Retirement.InBinTag);
        image.LaunchPermissions.Clear();
        image.LaunchPermissions.AddRange(image.BinnedLaunchPermissions);
        image.BinnedLaunchPermissions.Clear();
        image.Status = ImageStatus.Available;
        image.DeprecationTime = null;
        image.Protection = ProtectionMode.Disabled;
        image.ProtectionCooldownUntil = null;
        region.AttachImage(image, context.AccountId);
        return new RestoreImageFromRecycleBinResponse { Return = true, HttpStatusCode = System.Net.HttpStatusCode.OK };
    }

    /// <summary>The ids a List*InRecycleBin request names (null = all); too many or a malformed one is an EC2 error.</summary>
    private static HashSet<string>? RequestedIds(
        List<string>? requested, Func<string, bool> isId, Func<string, AmazonEC2Exception> malformedError, int? maxIds, string parameter)
    {
        var ids = requested is { Count: > 0 } list ? list.ToHashSet(StringComparer.Ordinal) : null;
        if (ids is not null && ids.Count > maxIds)
        {
            throw Ec2Errors.InvalidParameterValue($"{parameter} holds {ids.Count} ids; at most {maxIds} are allowed.");
        }

        var malformed = ids?.FirstOrDefault(id => !isId(id));
        return malformed is null ? ids : throw malformedError(malformed);
    }

    /// <summary>One page of a Recycle Bin store, in its stable order, restricted to <paramref name="ids"/> when given.</summary>
    private static (List<T> Page, string? NextToken) Page<T>(
        OperationContext context, string scope, OrderedStore<T> bin, Func<T, string> idOf, HashSet<string>? ids, int? maxResults, int minResults, string? nextToken)
        where T : class
    {
        PageToken.CheckRange(maxResults, minResults, 1000);
        var start = PageToken.Decode(scope, nextToken);
        context.Commit();
        var matches = bin.From(start).Where(e => ids is null || ids.Contains(idOf(e.Item)));
        return PageToken.Page(matches, maxResults, scope);
    }
}
