using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Simulation.Tests;

/// <summary>A simulator on a fake clock at <see cref="Start"/>, with handy clients.</summary>
internal sealed class TestWorld
{
    public const string East = "us-east-1";
    public const string West = "eu-west-1";

    public static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public TestWorld(SimulatorOptions? options = null)
    {
        Time = new FakeTimeProvider(Start);
        Simulator = new Ec2Simulator(Time, options);
    }

    public FakeTimeProvider Time { get; }

    public Ec2Simulator Simulator { get; }

    public SimulatedEc2Client EastClient => Simulator.ClientFor(East);

    public SimulatedEc2Client WestClient => Simulator.ClientFor(West);

    public string Image(Action<AmiAutomation.Simulation.Seeding.ImageBuilder>? configure = null, string region = East) => Simulator.AddImage(region, configure);
}
