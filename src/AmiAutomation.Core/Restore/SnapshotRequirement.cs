namespace AmiAutomation.Core.Restore;

/// <summary>One snapshot the image needs back, and where it stands now.</summary>
public sealed record SnapshotRequirement(string SnapshotId, int SizeGiB, SnapshotCondition Condition);
