using System.Globalization;
using AmiAutomation.Aws.AutoScaling;
using AmiAutomation.Simulation.Operations;
using AmiAutomation.Simulation.Throttling;
using Amazon.Runtime;

namespace AmiAutomation.Simulation.Services;

/// <summary>
/// Auto Scaling over the simulator: DescribeLaunchConfigurations over the seeded launch configurations, in creation order,
/// MaxRecords 1–100 (AWS's range). Calls go through the simulator like EC2's: recorded in <see cref="Ec2Simulator.Calls"/>
/// as <c>autoscaling:DescribeLaunchConfigurations</c>, subject to its fault injector, throttling and access policy.
/// https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeLaunchConfigurations.html
/// </summary>
public sealed class SimulatedAutoScalingClient(Ec2Simulator simulator, string region) : IAutoScalingClient
{
    public const string DescribeLaunchConfigurationsAction = "autoscaling:DescribeLaunchConfigurations";
    public const string DescribeAutoScalingGroupsAction = "autoscaling:DescribeAutoScalingGroups";
    private const string Scope = "DescribeLaunchConfigurations";

    public Ec2Simulator Simulator { get; } = simulator;

    public string Region { get; } = region;

    public Task<LaunchConfigurationPage> DescribeLaunchConfigurationsAsync(string? nextToken, int maxRecords, CancellationToken cancellationToken) =>
        Simulator.InvokeAsync(Region, DescribeLaunchConfigurationsAction, ThrottleBucket.Describe, null, context =>
        {
            if (maxRecords is < 1 or > 100)
            {
                throw new AmazonServiceException(
                    string.Create(CultureInfo.InvariantCulture, $"1 validation error detected: Value '{maxRecords}' at 'maxRecords' failed to satisfy constraint: Member must have value less than or equal to 100 and greater than or equal to 1"),
                    ErrorType.Sender,
                    "ValidationError",
                    Ec2Errors.NextRequestId(),
                    System.Net.HttpStatusCode.BadRequest);
            }

            var start = PageToken.Decode(Scope, nextToken);
            var (page, next) = PageToken.Page(context.Region.LaunchConfigurations.From(start), maxRecords, Scope);
            return new LaunchConfigurationPage([.. page.Select(c => new LaunchConfigurationInfo(c.Name, c.ImageId))], next);
        }, cancellationToken);

    /// <summary>The seeded group's launch template or launch configuration; null for an unknown name (AWS answers an
    /// empty list, not an error).</summary>
    public Task<AutoScalingGroupLaunchSpec?> DescribeAutoScalingGroupAsync(string groupName, CancellationToken cancellationToken) =>
        Simulator.InvokeAsync(Region, DescribeAutoScalingGroupsAction, ThrottleBucket.Describe, null, context =>
        {
            if (!context.Region.AutoScalingGroups.TryGetValue(groupName, out var group))
            {
                return (AutoScalingGroupLaunchSpec?)null;
            }

            return new AutoScalingGroupLaunchSpec(group.Name)
            {
                LaunchConfigurationName = group.LaunchConfigurationName,
                LaunchTemplates = group.LaunchTemplateId is { } id ? [new Core.OnDemand.LaunchTemplateRef(id, null, group.LaunchTemplateVersion)] : [],
            };
        }, cancellationToken);
}
