namespace AmiAutomation.Aws.AutoScaling;

/// <summary>One DescribeLaunchConfigurations page; <see cref="NextToken"/> is null on the last page.</summary>
public sealed record LaunchConfigurationPage(IReadOnlyList<LaunchConfigurationInfo> LaunchConfigurations, string? NextToken);
