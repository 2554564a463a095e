namespace AmiAutomation.Aws.AutoScaling;

/// <summary>
/// The Auto Scaling reads the inventory needs. AWSSDK.AutoScaling is not available to us: the production
/// implementation sits on our signed client; the simulator has its own. Failures throw
/// <see cref="Amazon.Runtime.AmazonServiceException"/> (ErrorCode and StatusCode set), as the EC2 client does.
/// </summary>
public interface IAutoScalingClient
{
    /// <summary>One page of launch configurations (MaxRecords 1–100).</summary>
    /// <remarks>autoscaling:DescribeLaunchConfigurations</remarks>
    Task<LaunchConfigurationPage> DescribeLaunchConfigurationsAsync(string? nextToken, int maxRecords, CancellationToken cancellationToken);

    /// <summary>What one Auto Scaling group launches from; null when no group has that name.</summary>
    /// <remarks>autoscaling:DescribeAutoScalingGroups</remarks>
    Task<AutoScalingGroupLaunchSpec?> DescribeAutoScalingGroupAsync(string groupName, CancellationToken cancellationToken);
}
