using AmiAutomation.Cli;
using AmiAutomation.Cli.Output;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Cli.Tests;

/// <summary>Runs <c>ami-automation</c> in-process with captured output and a dictionary environment.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(
            new CliConsole(output, error, isTerminal: false),
            new DictionaryEnvironmentVariables(environment ?? new Dictionary<string, string>()));
        var code = await CliApplication.RunAsync(args, context, CancellationToken.None);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(null, args);
}
