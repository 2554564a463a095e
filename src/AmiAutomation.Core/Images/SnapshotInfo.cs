namespace AmiAutomation.Core.Images;

/// <summary>An EBS snapshot behind one block device of an image.</summary>
public sealed record SnapshotInfo(string SnapshotId, int SizeGiB, string DeviceName);
