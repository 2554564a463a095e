namespace AmiAutomation.Core.Restore;

/// <summary>
/// A snapshot the image needs was permanently deleted (it is neither in the Recycle Bin nor in EC2): the AMI cannot
/// be restored. The Recycle Bin purges the image itself at its own exit time.
/// </summary>
public sealed class RestoreSnapshotMissingException : Exception
{
    public RestoreSnapshotMissingException()
        : this("A snapshot the AMI needs was permanently deleted; the AMI cannot be restored.")
    {
    }

    public RestoreSnapshotMissingException(string message)
        : base(message)
    {
    }

    public RestoreSnapshotMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RestoreSnapshotMissingException(string imageId, IReadOnlyList<string> snapshotIds)
        : base($"{imageId} cannot be restored: its snapshot(s) {string.Join(", ", snapshotIds ?? [])} were permanently deleted "
            + "(neither in the Recycle Bin nor in EC2). Keep the EBS_SNAPSHOT retention at least as long as the EC2_IMAGE retention.")
    {
        ImageId = imageId;
        SnapshotIds = snapshotIds ?? [];
    }

    public string? ImageId { get; }

    public IReadOnlyList<string> SnapshotIds { get; } = [];
}
