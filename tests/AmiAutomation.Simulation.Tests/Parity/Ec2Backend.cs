using AmiAutomation.TestKit.Moto;
using Amazon.EC2;
using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Simulation.Tests.Parity;

/// <summary>One side of a parity comparison: moto_server or the simulator, one client per region.</summary>
internal sealed class Ec2Backend : IDisposable
{
    /// <summary>The image instances are launched from. moto accepts any id; the simulator seeds it as a public Amazon image
    /// with a 15 GiB root snapshot (moto's CreateImage size).</summary>
    public const string BaseImageId = "ami-12345678";

    private readonly Func<string, IAmazonEC2> _factory;
    private readonly Dictionary<string, IAmazonEC2> _clients = new(StringComparer.Ordinal);
    private readonly bool _owned;

    private Ec2Backend(string name, Func<string, IAmazonEC2> factory, bool owned)
    {
        Name = name;
        _factory = factory;
        _owned = owned;
    }

    public string Name { get; }

    public Ec2Simulator? Simulator { get; private init; }

    public IAmazonEC2 this[string region]
    {
        get
        {
            if (!_clients.TryGetValue(region, out var client))
            {
                client = _factory(region);
                _clients[region] = client;
            }

            return client;
        }
    }

    public static Ec2Backend Moto(MotoServerFixture moto) => new("moto", region => moto.CreateEc2Client(region), owned: true);

    /// <summary>A simulator that, like moto, finishes copies at once.</summary>
    public static Ec2Backend Simulated(params string[] regions)
    {
        var simulator = new Ec2Simulator(new FakeTimeProvider(TestWorld.Start), new SimulatorOptions { CopyDuration = TimeSpan.Zero });
        foreach (var region in regions)
        {
            simulator.AddImage(region, b => b.WithId(BaseImageId).Named("amzn-base").OwnedBy("137112412989", "amazon").Public().WithSnapshot(15));
        }

        return new Ec2Backend("simulator", simulator.ClientFor, owned: false) { Simulator = simulator };
    }

    public void Dispose()
    {
        if (_owned)
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }
        }
    }
}
