namespace AmiAutomation.Aws.AutoScaling;

/// <summary>A launch configuration and the image it launches (launch configurations cannot change: a new one is a new name).</summary>
public sealed record LaunchConfigurationInfo(string Name, string? ImageId);
