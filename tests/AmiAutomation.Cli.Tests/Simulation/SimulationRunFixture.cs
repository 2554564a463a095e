using System.Text.Json;

namespace AmiAutomation.Cli.Tests.Simulation;

/// <summary>Runs <c>simulate --json</c> with the defaults twice (in-process), shared by the simulation tests.</summary>
public sealed class SimulationRunFixture : IAsyncLifetime
{
    public CliRun First { get; private set; } = null!;
    public CliRun Second { get; private set; } = null!;
    public JsonElement Report { get; private set; }

    public async Task InitializeAsync()
    {
        First = await CliRun.RunAsync("simulate", "--json");
        Second = await CliRun.RunAsync("simulate", "--json");
        using var document = JsonDocument.Parse(First.Out);
        Report = document.RootElement.Clone();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
