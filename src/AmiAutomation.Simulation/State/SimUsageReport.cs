namespace AmiAutomation.Simulation.State;

/// <summary>One AMI usage report: pending until ReadyAt, then available (entries frozen then) or error; gone at ExpiresAt.</summary>
internal sealed class SimUsageReport
{
    public required string ReportId { get; init; }
    public required string ImageId { get; init; }
    public required IReadOnlyList<string> AccountIds { get; init; }
    public required IReadOnlyList<string> ResourceTypes { get; init; }
    public required DateTimeOffset CreationTime { get; init; }
    public required DateTimeOffset ReadyAt { get; init; }
    public DateTimeOffset ExpirationTime => CreationTime.AddDays(30);
    public string State { get; set; } = "pending";
    public string? StateReason { get; set; }
    public string? FailureOnCompletion { get; init; }
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
    public List<(string AccountId, string ResourceType, long Count)> Entries { get; } = [];
}
