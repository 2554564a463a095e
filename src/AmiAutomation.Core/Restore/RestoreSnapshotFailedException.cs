namespace AmiAutomation.Core.Restore;

/// <summary>A snapshot could not be brought back: it is in state <c>error</c>, or EC2 refused to restore it.</summary>
public sealed class RestoreSnapshotFailedException : Exception
{
    public RestoreSnapshotFailedException()
        : this("A snapshot of the AMI could not be restored.")
    {
    }

    public RestoreSnapshotFailedException(string message)
        : base(message)
    {
    }

    public RestoreSnapshotFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RestoreSnapshotFailedException(string imageId, IReadOnlyList<string> snapshotIds, string problem, Exception? innerException = null)
        : base($"{imageId} cannot be restored: snapshot(s) {string.Join(", ", snapshotIds ?? [])}: {problem}", innerException)
    {
        ImageId = imageId;
        SnapshotIds = snapshotIds ?? [];
    }

    public string? ImageId { get; }

    public IReadOnlyList<string> SnapshotIds { get; } = [];
}
