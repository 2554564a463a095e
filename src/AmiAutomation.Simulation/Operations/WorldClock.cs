using AmiAutomation.Simulation.State;

namespace AmiAutomation.Simulation.Operations;

/// <summary>
/// Lazy time: before each call, settles what the clock has overtaken (copies finishing, snapshot restores completing,
/// Recycle Bin retention running out). Only pending work is visited, never the whole fleet.
/// </summary>
internal static class WorldClock
{
    public static void Settle(RegionState region, DateTimeOffset now)
    {
        while (region.DueQueue.TryPeek(out var due, out var at) && at <= now)
        {
            region.DueQueue.Dequeue();
            if (due.IsImage)
            {
                if (region.PendingImageIds.Contains(due.Id) && region.Images.Find(due.Id) is { CompletesAt: { } completes } image && completes <= now)
                {
                    Complete(region, image);
                }
            }
            else if (region.PendingSnapshotIds.Contains(due.Id) && region.Snapshots.Find(due.Id) is { State: "pending", CompletesAt: { } completes } snapshot && completes <= now)
            {
                region.PendingSnapshotIds.Remove(due.Id);
                snapshot.State = "completed";
                snapshot.CompletesAt = null;
            }
        }

        ExpireBin(region, now);
        UsageReportClock.Settle(region, now);
    }

    private static void Complete(RegionState region, SimImage image)
    {
        region.PendingImageIds.Remove(image.ImageId);
        image.CompletesAt = null;
        var failed = image.FailureOnCompletion is not null;
        image.Status = failed ? ImageStatus.Failed : ImageStatus.Available;
        if (failed)
        {
            image.StateReasonCode = "Client.InvalidKMSKey.InvalidState";
            image.StateReasonMessage = image.FailureOnCompletion;
        }

        foreach (var snapshotId in image.SnapshotIds)
        {
            if (region.Snapshots.Find(snapshotId) is { State: "pending" } snapshot)
            {
                snapshot.State = failed ? "error" : "completed";
                snapshot.CompletesAt = null;
                region.PendingSnapshotIds.Remove(snapshotId);
            }
        }
    }

    private static void ExpireBin(RegionState region, DateTimeOffset now)
    {
        while (region.ImageBinExpiry.TryPeek(out var imageId, out var exit) && exit <= now)
        {
            region.ImageBinExpiry.Dequeue();
            if (region.BinnedImages.Find(imageId) is { } binned && binned.ExitTime <= now)
            {
                region.BinnedImages.Remove(imageId);
                region.GoneImageIds.Add(imageId);
            }
        }

        while (region.SnapshotBinExpiry.TryPeek(out var snapshotId, out var exit) && exit <= now)
        {
            region.SnapshotBinExpiry.Dequeue();
            if (region.BinnedSnapshots.Find(snapshotId) is { } binned && binned.ExitTime <= now)
            {
                region.BinnedSnapshots.Remove(snapshotId);
                region.GoneSnapshotIds.Add(snapshotId);
            }
        }
    }
}
