namespace AmiAutomation.Functions.Restore;

/// <summary>One snapshot of a binned AMI in the list output (size 0 when only its description named it).</summary>
public sealed record RecycleBinSnapshotLine(string SnapshotId, int SizeGiB, bool InRecycleBin);
