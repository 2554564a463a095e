namespace AmiAutomation.Aws.RecycleBin;

/// <summary>Where the awaited snapshots stood when waiting ended (all completed, one failed, or the deadline came).</summary>
public sealed record SnapshotWaitResult
{
    public IReadOnlyList<string> Completed { get; init; } = [];

    /// <summary>Still <c>pending</c>/<c>recovering</c> when the deadline came: the next call waits for them.</summary>
    public IReadOnlyList<string> StillRestoring { get; init; } = [];

    /// <summary>In state <c>error</c>.</summary>
    public IReadOnlyList<string> Failed { get; init; } = [];

    public int Polls { get; init; }

    public bool AllCompleted => StillRestoring.Count == 0 && Failed.Count == 0;
}
