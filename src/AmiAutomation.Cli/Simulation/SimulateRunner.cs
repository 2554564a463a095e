using System.Text.Json;
using AmiAutomation.Cli.Hosting;
using AmiAutomation.Cli.Serialization;

namespace AmiAutomation.Cli.Simulation;

/// <summary><c>simulate</c>: builds the simulated account, runs the days (a progress line on standard error when it is a terminal), prints the report.</summary>
internal static class SimulateRunner
{
    public static async Task<int> RunAsync(CliContext context, SimulationOptions options, bool json, bool verbose, CancellationToken cancellationToken)
    {
        var report = await SimulateAsync(context, options, json, verbose, cancellationToken);
        if (json)
        {
            await context.Console.Out.WriteLineAsync(JsonSerializer.Serialize(report, CliJson.Indented.SimulationReport));
        }
        else
        {
            SimulationRenderer.Render(context.Console.Ansi, report);
        }

        return SimulationVerdict.Passed(report)
            ? ExitCodes.Ok
            : ExitCodes.RunFailed;
    }

    /// <summary>Runs a whole simulation and returns its report (no output besides progress and <c>--verbose</c> logs).</summary>
    public static async Task<SimulationReport> SimulateAsync(CliContext context, SimulationOptions options, bool json, bool verbose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var clock = new SimulationClock(SimulatedAccount.DefaultStart);
        using var logs = FunctionLogs.Create(verbose, context.Console.Error, clock);
        var account = SimulatedAccount.Create(options.Seed, options.Images, options.Regions, options.Settings, clock, logs);
        var activity = await FleetActivity.DiscoverAsync(account.Simulator, account.Regions, options.Seed, cancellationToken);
        var driver = new SimulationDriver(account, activity);
        if (!context.Progress.Enabled)
        {
            return await driver.RunAsync(options.Days, options.Seed, null, cancellationToken);
        }

        // Progress on standard error only (a terminal), so --json and piped tables stay clean.
        var day = 0;
        try
        {
            return await driver.RunAsync(
                options.Days, options.Seed, _ => context.Progress.Report($"simulating day {++day} of {options.Days}"), cancellationToken);
        }
        finally
        {
            context.Progress.Clear();
        }
    }
}
