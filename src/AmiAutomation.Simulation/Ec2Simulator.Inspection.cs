using AmiAutomation.Simulation.Operations;
using AmiAutomation.Simulation.State;
using Amazon.EC2.Model;
using CoreLaunchPermission = AmiAutomation.Core.Images.LaunchPermission;

namespace AmiAutomation.Simulation;

/// <summary>Inspection for tests and tools: reads the world as it is now (time settled), records no call.</summary>
public sealed partial class Ec2Simulator
{
    /// <summary>A registered image in any state (incl. disabled/pending/failed) as DescribeImages would render it; null otherwise.</summary>
    public Image? FindImage(string region, string imageId) =>
        Locked(now => RegionLocked(CheckRegion(region)).Images.Find(imageId) is { } image ? ImageMapper.ToSdk(image, AccountId, now) : null);

    /// <summary>Every registered image of the region, in registration order.</summary>
    public IReadOnlyList<Image> ListImages(string region) =>
        Locked(now => (IReadOnlyList<Image>)RegionLocked(CheckRegion(region)).Images.All.Select(i => ImageMapper.ToSdk(i, AccountId, now)).ToList());

    public int ImageCount(string region) => Locked(_ => RegionLocked(CheckRegion(region)).Images.Count);

    public int SnapshotCount(string region) => Locked(_ => RegionLocked(CheckRegion(region)).Snapshots.Count);

    public int InstanceCount(string region) => Locked(_ => RegionLocked(CheckRegion(region)).Instances.Count);

    public int LaunchTemplateCount(string region) => Locked(_ => RegionLocked(CheckRegion(region)).LaunchTemplates.Count);

    /// <summary>A live (not binned, not deleted) snapshot; null otherwise.</summary>
    public Snapshot? FindSnapshot(string region, string snapshotId) =>
        Locked(_ => RegionLocked(CheckRegion(region)).Snapshots.Find(snapshotId) is { } snapshot ? SnapshotOperations.ToSdk(snapshot) : null);

    public bool IsImageInRecycleBin(string region, string imageId) =>
        Locked(_ => RegionLocked(CheckRegion(region)).BinnedImages.Contains(imageId));

    public bool IsSnapshotInRecycleBin(string region, string snapshotId) =>
        Locked(_ => RegionLocked(CheckRegion(region)).BinnedSnapshots.Contains(snapshotId));

    /// <summary>True when the image existed here and is neither registered nor in the bin (deregistered or purged).</summary>
    public bool IsImageGone(string region, string imageId) =>
        Locked(_ => RegionLocked(CheckRegion(region)).GoneImageIds.Contains(imageId));

    /// <summary>The snapshot ids behind a registered or binned image.</summary>
    public IReadOnlyList<string> SnapshotIdsOf(string region, string imageId) =>
        Locked(_ => (IReadOnlyList<string>)SeededImageLocked(region, imageId).SnapshotIds.ToList());

    /// <summary>Current launch permissions of a registered image (for a binned one: those restored with it).</summary>
    public IReadOnlyList<CoreLaunchPermission> LaunchPermissionsOf(string region, string imageId) =>
        Locked(_ =>
        {
            var state = RegionLocked(CheckRegion(region));
            IReadOnlyList<CoreLaunchPermission> permissions = state.Images.Find(imageId) is { } image
                ? [.. image.LaunchPermissions]
                : [.. SeededImageLocked(region, imageId).BinnedLaunchPermissions];
            return permissions;
        });

    /// <summary>Tags of an image, snapshot (registered/live or binned), instance or launch template.</summary>
    public IReadOnlyDictionary<string, string> TagsOf(string region, string resourceId) =>
        Locked(_ =>
        {
            var state = RegionLocked(CheckRegion(region));
            var tags = state.Images.Find(resourceId)?.Tags
                ?? state.BinnedImages.Find(resourceId)?.Image.Tags
                ?? state.Snapshots.Find(resourceId)?.Tags
                ?? state.BinnedSnapshots.Find(resourceId)?.Snapshot.Tags
                ?? state.Instances.Find(resourceId)?.Tags
                ?? state.LaunchTemplates.Find(resourceId)?.Tags
                ?? throw new ArgumentException($"No resource {resourceId} in {region}.", nameof(resourceId));
            return (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(tags, StringComparer.Ordinal);
        });
}
