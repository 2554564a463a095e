using AmiAutomation.Simulation.Seeding;
using AmiAutomation.Simulation.State;

namespace AmiAutomation.Simulation.Operations;

/// <summary>Where deregistered images and deleted snapshots go: the Recycle Bin when a rule matches at that moment
/// (longest retention wins), else nowhere. Instance store-backed images are never binned.</summary>
internal static class Retirement
{
    public const string InBinTag = "aws:recycle-bin:resource-in-bin";

    public static int? RetentionDays(RegionState region, RecycleBinResourceType type, IReadOnlyDictionary<string, string> tags)
    {
        int? best = null;
        foreach (var rule in region.RecycleBinRules)
        {
            if (rule.ResourceType == type && rule.IsAvailable && rule.Matches(tags) && (best is null || rule.RetentionDays > best))
            {
                best = rule.RetentionDays;
            }
        }

        return best;
    }

    /// <summary>Unregisters the image; returns whether it went to the Recycle Bin.</summary>
    public static bool RetireImage(OperationContext context, SimImage image)
    {
        var region = context.Region;
        region.DetachImage(image);
        if (context.World.Options.DeregisteredNameHold > TimeSpan.Zero)
        {
            region.ReleasingNames[image.Name] = (image.ImageId, context.Now + context.World.Options.DeregisteredNameHold);
        }

        var days = image.InstanceStore ? null : RetentionDays(region, RecycleBinResourceType.Ec2Image, image.Tags);
        if (days is not int retention)
        {
            region.GoneImageIds.Add(image.ImageId);
            return false;
        }

        image.BinnedLaunchPermissions.Clear();
        image.BinnedLaunchPermissions.AddRange(image.LaunchPermissions);
        image.LaunchPermissions.Clear();
        image.Tags[InBinTag] = "true";
        var exit = context.Now.AddDays(retention);
        region.BinnedImages.Add(image.ImageId, new BinnedImage(image, context.Now, exit));
        region.ImageBinExpiry.Enqueue(image.ImageId, exit);
        return true;
    }

    /// <summary>Deletes the snapshot; returns whether it went to the Recycle Bin.</summary>
    public static bool RetireSnapshot(OperationContext context, SimSnapshot snapshot)
    {
        var region = context.Region;
        region.Snapshots.Remove(snapshot.SnapshotId);
        region.PendingSnapshotIds.Remove(snapshot.SnapshotId);
        var days = RetentionDays(region, RecycleBinResourceType.EbsSnapshot, snapshot.Tags);
        if (days is not int retention || snapshot.State == "pending")
        {
            region.GoneSnapshotIds.Add(snapshot.SnapshotId);
            return false;
        }

        snapshot.Tags[InBinTag] = "true";
        var exit = context.Now.AddDays(retention);
        region.BinnedSnapshots.Add(snapshot.SnapshotId, new BinnedSnapshot(snapshot, context.Now, exit));
        region.SnapshotBinExpiry.Enqueue(snapshot.SnapshotId, exit);
        return true;
    }
}
