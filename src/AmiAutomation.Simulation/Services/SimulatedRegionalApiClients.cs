using AmiAutomation.Aws.AutoScaling;
using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.RecycleBin;

namespace AmiAutomation.Simulation.Services;

/// <summary>The simulator's Auto Scaling and Recycle Bin rule clients, over the same world as its EC2 clients.</summary>
public sealed class SimulatedRegionalApiClients(Ec2Simulator simulator) : IRegionalApiClients
{
    public Ec2Simulator Simulator { get; } = simulator ?? throw new ArgumentNullException(nameof(simulator));

    public IAutoScalingClient AutoScaling(string region) => new SimulatedAutoScalingClient(Simulator, region);

    public IRecycleBinRules RecycleBinRules(string region) => new SimulatedRecycleBinRules(Simulator, region);
}
