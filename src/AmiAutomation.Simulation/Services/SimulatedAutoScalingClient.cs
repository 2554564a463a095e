using AmiAutomation.Aws.AutoScaling;

namespace AmiAutomation.Simulation.Services;

/// <summary>Auto Scaling over the simulator. Launch configurations are not modelled yet: every listing is empty.</summary>
public sealed class SimulatedAutoScalingClient(Ec2Simulator simulator, string region) : IAutoScalingClient
{
    public Ec2Simulator Simulator { get; } = simulator;

    public string Region { get; } = region;

    public Task<LaunchConfigurationPage> DescribeLaunchConfigurationsAsync(string? nextToken, int maxRecords, CancellationToken cancellationToken) =>
        Task.FromResult(new LaunchConfigurationPage([], null));
}
