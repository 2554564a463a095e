namespace AmiAutomation.Core.Restore;

/// <summary>Where one of an image's snapshots stands on the way back.</summary>
public enum SnapshotCondition
{
    /// <summary>In the Recycle Bin (or described as <c>recoverable</c>): RestoreSnapshotFromRecycleBin brings it back.</summary>
    InRecycleBin,

    /// <summary>Out of the bin but not usable yet (<c>pending</c>, <c>recovering</c>): wait.</summary>
    Restoring,

    /// <summary><c>completed</c>: usable by the image.</summary>
    Ready,

    /// <summary><c>error</c>: the image cannot be restored with it.</summary>
    Failed,

    /// <summary>Neither in the bin nor in EC2: permanently deleted; the image cannot be restored.</summary>
    Missing,
}
