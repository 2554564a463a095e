namespace AmiAutomation.Simulation.State;

/// <summary>An Auto Scaling launch configuration (immutable once created: a new image means a new configuration).</summary>
internal sealed class SimLaunchConfiguration
{
    public required string Name { get; init; }
    public required string ImageId { get; init; }
    public required DateTimeOffset CreatedTime { get; init; }
    public string InstanceType { get; init; } = "t3.micro";
}
