namespace AmiAutomation.Aws.RecycleBin;

/// <summary>A registered snapshot as DescribeSnapshots reports it (state: pending, completed, error, recoverable, recovering).</summary>
public sealed record SnapshotStatus(string SnapshotId, string State, int SizeGiB, string? Description, string? OwnerId);
