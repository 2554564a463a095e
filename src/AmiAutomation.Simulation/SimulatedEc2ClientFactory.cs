using AmiAutomation.Aws.Clients;
using Amazon.EC2;

namespace AmiAutomation.Simulation;

/// <summary>Hands out the simulator's per-region clients (the same instance per region).</summary>
public sealed class SimulatedEc2ClientFactory(Ec2Simulator simulator) : IEc2ClientFactory
{
    public Ec2Simulator Simulator { get; } = simulator ?? throw new ArgumentNullException(nameof(simulator));

    public IAmazonEC2 ForRegion(string region) => Simulator.ClientFor(region);
}
