using AmiAutomation.Core.Families;
using AmiAutomation.Core.Ledger;

namespace AmiAutomation.Core.Restore;

/// <summary>Joins the Recycle Bin's AMIs with the ledger and the binned snapshots for the <c>list</c> action.</summary>
public static class RecycleBinCatalog
{
    /// <summary>One entry per binned image, most recently deregistered first (then by image id).</summary>
    public static IReadOnlyList<RecycleBinEntry> Build(
        IEnumerable<BinnedImage> images,
        IEnumerable<LedgerRecord> ledger,
        IEnumerable<BinnedSnapshot> snapshots,
        FamilyResolver families)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(families);

        var records = new Dictionary<string, LedgerRecord>(StringComparer.Ordinal);
        foreach (var record in ledger)
        {
            records[record.ImageId] = record;
        }

        var binnedSnapshots = snapshots.ToList();
        var binnedIds = binnedSnapshots.Select(s => s.SnapshotId).ToHashSet(StringComparer.Ordinal);
        var byImage = binnedSnapshots
            .Select(s => (Snapshot: s, ImageId: SnapshotDescriptions.ImageIdIn(s.Description)))
            .Where(p => p.ImageId is not null)
            .ToLookup(p => p.ImageId!, p => p.Snapshot.SnapshotId, StringComparer.Ordinal);

        return [.. images
            .Select(image => Entry(image, records.GetValueOrDefault(image.ImageId), binnedIds, byImage, families))
            .OrderByDescending(e => e.Image.EnteredAt ?? e.Ledger?.RecordedAt ?? DateTimeOffset.MinValue)
            .ThenBy(e => e.Image.ImageId, StringComparer.Ordinal)];
    }

    private static RecycleBinEntry Entry(
        BinnedImage image, LedgerRecord? record, HashSet<string> binnedIds, ILookup<string, string> byImage, FamilyResolver families)
    {
        if (record is not null)
        {
            return new RecycleBinEntry
            {
                Image = image,
                Ledger = record,
                Family = record.Family.Length > 0 ? record.Family : families.FromName(image.Name),
                Snapshots = [.. record.Snapshots.Select(s => new BinEntrySnapshot(s.SnapshotId, s.SizeGiB, binnedIds.Contains(s.SnapshotId)))],
                SnapshotSource = SnapshotSource.Ledger,
            };
        }

        return new RecycleBinEntry
        {
            Image = image,
            Family = families.FromName(image.Name),
            Snapshots = [.. byImage[image.ImageId].Order(StringComparer.Ordinal).Select(id => new BinEntrySnapshot(id, 0, true))],
            SnapshotSource = SnapshotSource.Description,
        };
    }
}
