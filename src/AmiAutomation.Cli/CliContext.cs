using AmiAutomation.Cli.Output;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Cli;

/// <summary>What every command runs with: where to write and the environment (AWS settings, policy variables).</summary>
public sealed class CliContext
{
    public CliContext(CliConsole console, IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(environment);
        Console = console;
        Environment = environment;
    }

    public CliConsole Console { get; }

    /// <summary>The process environment in production, a dictionary in tests.</summary>
    public IEnvironmentVariables Environment { get; }

    /// <summary>The status line for long work on standard error: on only when standard error is a terminal.</summary>
    public Hosting.ProgressLine Progress { get; init; } = Hosting.ProgressLine.Off;
}
