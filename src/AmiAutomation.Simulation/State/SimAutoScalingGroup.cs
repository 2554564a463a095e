namespace AmiAutomation.Simulation.State;

/// <summary>An Auto Scaling group: launches from a launch template version or a launch configuration.</summary>
internal sealed class SimAutoScalingGroup
{
    public required string Name { get; init; }
    public string? LaunchTemplateId { get; init; }
    public string? LaunchTemplateVersion { get; init; }
    public string? LaunchConfigurationName { get; init; }
}
