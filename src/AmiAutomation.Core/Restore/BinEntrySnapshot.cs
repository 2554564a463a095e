namespace AmiAutomation.Core.Restore;

/// <summary>One snapshot of a binned image in the list view; size 0 when only the description named it.</summary>
public sealed record BinEntrySnapshot(string SnapshotId, int SizeGiB, bool InRecycleBin);
