using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Simulation;
using AmiAutomation.Simulation.Services;
using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Aws.Tests.Inventory;

/// <summary>Against the simulator, which (like the SDK) answers an empty listing with a null list instead of [].</summary>
public sealed class LaunchTemplateSourceSimulatorTests
{
    [Fact]
    public async Task ReadAsync_RegionWithoutTemplates_CompleteWithNothingRead()
    {
        var sim = new Ec2Simulator(new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)));

        var snapshot = await new Ec2InventoryReader(sim.ClientFactory, new SimulatedRegionalApiClients(sim), TestLimits.Registry())
            .ReadAsync("us-east-1", InventoryOptions.Default, CancellationToken.None);

        var source = snapshot.Sources.Single(s => s.Source == InventorySource.LaunchTemplates);
        Assert.Equal(SourceStatus.Complete, source.Status);
        Assert.Equal(0, source.Items);
        Assert.Empty(snapshot.LaunchTemplateVersionsRead);
    }
}
