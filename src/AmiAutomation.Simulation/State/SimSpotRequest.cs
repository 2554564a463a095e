namespace AmiAutomation.Simulation.State;

/// <summary>A Spot Instance request: state open|active|closed|cancelled|failed|disabled, the image of its launch specification.</summary>
internal sealed class SimSpotRequest
{
    public required string SpotInstanceRequestId { get; init; }
    public required string ImageId { get; init; }
    public required DateTimeOffset CreateTime { get; init; }

    /// <summary>one-time or persistent.</summary>
    public string Type { get; init; } = "persistent";

    public string State { get; set; } = "open";

    /// <summary>The instance fulfilling it (null while open, e.g. after an interruption).</summary>
    public string? InstanceId { get; set; }
}
