using AmiAutomation.Core.OnDemand;

namespace AmiAutomation.Aws.AutoScaling;

/// <summary>What an Auto Scaling group launches from: a launch configuration, a launch template, or a mixed instances
/// policy's launch template and its per-instance-type overrides.
/// https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_AutoScalingGroup.html</summary>
public sealed record AutoScalingGroupLaunchSpec(string Name)
{
    public string? LaunchConfigurationName { get; init; }

    /// <summary>The group's launch template, or its mixed instances policy's, then every override's.</summary>
    public IReadOnlyList<LaunchTemplateRef> LaunchTemplates { get; init; } = [];
}
