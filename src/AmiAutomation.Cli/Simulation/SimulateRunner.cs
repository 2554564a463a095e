namespace AmiAutomation.Cli.Simulation;

internal static class SimulateRunner
{
    public static Task<int> RunAsync(CliContext context, SimulationOptions options, bool json, bool verbose, CancellationToken cancellationToken) =>
        throw new NotSupportedException("SimulateRunner: in progress");
}
