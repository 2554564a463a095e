namespace AmiAutomation.Simulation.State;

internal sealed class SimInstance
{
    public required string InstanceId { get; init; }
    public required string ReservationId { get; init; }
    public required string ImageId { get; init; }
    public required DateTimeOffset LaunchTime { get; init; }
    public string InstanceType { get; init; } = "t3.micro";

    /// <summary>EC2 instance state name: pending, running, shutting-down, terminated, stopping, stopped.</summary>
    public string State { get; set; } = "running";

    public DateTimeOffset? TerminatedAt { get; set; }
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public static int StateCode(string state) => state switch
    {
        "pending" => 0,
        "running" => 16,
        "shutting-down" => 32,
        "terminated" => 48,
        "stopping" => 64,
        "stopped" => 80,
        _ => 0,
    };
}
