namespace AmiAutomation.Simulation.State;

internal sealed class SimSnapshot
{
    public required string SnapshotId { get; init; }
    public required string VolumeId { get; init; }
    public required string OwnerId { get; init; }
    public required int VolumeSizeGiB { get; init; }
    public string? Description { get; set; }
    public required DateTimeOffset StartTime { get; init; }
    public bool Encrypted { get; init; }
    public string? KmsKeyId { get; init; }

    /// <summary>EC2 snapshot state: <c>pending</c>, <c>completed</c> or <c>error</c>.</summary>
    public string State { get; set; } = "completed";

    public DateTimeOffset? CompletesAt { get; set; }
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
