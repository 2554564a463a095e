namespace AmiAutomation.Functions.Common;

/// <summary>A snapshot DeregisterImage(DeleteAssociatedSnapshots) left in place, with EC2's return code
/// (<c>skipped</c> = used by another AMI, <c>missing-permissions</c>, <c>client-error</c>, <c>internal-error</c>).</summary>
public sealed record SnapshotNotDeleted(string ImageId, string SnapshotId, int SizeGiB, string ReturnCode);
