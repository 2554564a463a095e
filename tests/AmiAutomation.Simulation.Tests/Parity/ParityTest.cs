using AmiAutomation.TestKit.Moto;

namespace AmiAutomation.Simulation.Tests.Parity;

/// <summary>
/// Runs one scenario against moto_server and against the simulator and requires equal transcripts.
/// Only behaviour moto implements like EC2 is compared; where moto differs from EC2 (https://github.com/getmoto/moto) the
/// simulator follows EC2 and is tested on its own (see <see cref="KnownMotoDifferences"/>).
/// </summary>
public abstract class ParityTest(MotoServerFixture moto) : IAsyncLifetime
{
    protected const string East = "us-east-1";
    protected const string West = "eu-west-1";

    public Task InitializeAsync() => moto.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private protected async Task AssertParity(Func<Ec2Backend, Transcript, Task> scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var motoTranscript = new Transcript();
        using (var motoBackend = Ec2Backend.Moto(moto))
        {
            await scenario(motoBackend, motoTranscript);
        }

        var simulatorTranscript = new Transcript();
        using (var simulatorBackend = Ec2Backend.Simulated(East, West))
        {
            await scenario(simulatorBackend, simulatorTranscript);
        }

        var expected = motoTranscript.ToString();
        var actual = simulatorTranscript.ToString();
        Assert.True(expected == actual, $"moto and the simulator disagree.\n--- moto ---\n{expected}\n--- simulator ---\n{actual}");
        Assert.NotEmpty(motoTranscript.ToString());
    }
}
