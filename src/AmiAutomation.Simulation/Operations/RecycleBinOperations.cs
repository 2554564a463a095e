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
        const string Scope = "ListImagesInRecycleBin";
        var ids = request.ImageIds is { Count: > 0 } list ? list.ToHashSet(StringComparer.Ordinal) : null;
        if (ids is { Count: > 20 })
        {
            throw Ec2Errors.InvalidParameterValue($"ImageIds holds {ids.Count} ids; at most 20 are allowed.");
        }

        var malformed = ids?.FirstOrDefault(id => !ResourceIds.IsImageId(id));
        if (malformed is not null)
        {
            throw Ec2Errors.ImageMalformed(malformed);
        }

        PageToken.CheckRange(request.MaxResults, 1, 1000);
        var start = PageToken.Decode(Scope, request.NextToken);
        context.Commit();
        var matches = context.Region.BinnedImages.From(start).Where(e => ids is null || ids.Contains(e.Item.Image.ImageId));
        var (page, next) = PageToken.Page(matches, request.MaxResults, Scope);
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
        const string Scope = "ListSnapshotsInRecycleBin";
        var ids = request.SnapshotIds is { Count: > 0 } list ? list.ToHashSet(StringComparer.Ordinal) : null;
        var malformed = ids?.FirstOrDefault(id => !ResourceIds.IsSnapshotId(id));
        if (malformed is not null)
        {
            throw Ec2Errors.SnapshotMalformed(malformed);
        }

        PageToken.CheckRange(request.MaxResults, 5, 1000);
        var start = PageToken.Decode(Scope, request.NextToken);
        context.Commit();
        var matches = context.Region.BinnedSnapshots.From(start).Where(e => ids is null || ids.Contains(e.Item.Snapshot.SnapshotId));
        var (page, next) = PageToken.Page(matches, request.MaxResults, Scope);
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
        var snapshotId = request.SnapshotId;
        if (string.IsNullOrEmpty(snapshotId))
        {
            throw Ec2Errors.MissingParameter("SnapshotId");
        }

        if (!ResourceIds.IsSnapshotId(snapshotId))
        {
            throw Ec2Errors.SnapshotMalformed(snapshotId);
        }

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
        var imageId = request.ImageId;
        if (string.IsNullOrEmpty(imageId))
        {
            throw Ec2Errors.MissingParameter("ImageId");
        }

        if (!ResourceIds.IsImageId(imageId))
        {
            throw Ec2Errors.ImageMalformed(imageId);
        }

        var region = context.Region;
        if (region.BinnedImages.Find(imageId) is not { } binned)
        {
            throw Ec2Errors.Create(SimulatedErrorCodes.ImageNotInRecycleBin, $"The image id '[{imageId}]' is not in the Recycle Bin of {region.Name}.");
        }

        var image = binned.Image;
        foreach (var snapshotId in image.SnapshotIds)
        {
            var why = region.Snapshots.Find(snapshotId) is { } live
                ? live.State == "completed" ? null : $"is still {live.State}"
                : region.BinnedSnapshots.Contains(snapshotId) ? "is still in the Recycle Bin" : "no longer exists";
            if (why is not null)
            {
                throw Ec2Errors.Create(SimulatedErrorCodes.RestoreBeforeSnapshots, $"Image {imageId} cannot be restored: its snapshot {snapshotId} {why}. Restore its snapshots (and wait for completed) first.");
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
}
