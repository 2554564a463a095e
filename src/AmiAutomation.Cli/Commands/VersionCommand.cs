using System.CommandLine;
using System.Reflection;

namespace AmiAutomation.Cli.Commands;

/// <summary><c>version</c>: the CLI's version (as <c>--version</c> prints it), the .NET runtime and the AWS SDK in use.</summary>
internal static class VersionCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("version", "Print the version of ami-automation, of .NET and of the AWS SDK.");
        command.SetAction(async (_, _) =>
        {
            await context.Console.Out.WriteLineAsync($"ami-automation {Of(typeof(CliApplication).Assembly)}");
            await context.Console.Out.WriteLineAsync($".NET {Environment.Version}");
            await context.Console.Out.WriteLineAsync($"AWSSDK.Core {FileVersion(typeof(Amazon.Runtime.AWSCredentials).Assembly)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Makes the root's <c>--version</c> print <see cref="Of"/> of this assembly to the context's output (by
    /// default it prints the entry assembly's, which in-process is the host's, not ours).</summary>
    public static void Override(RootCommand root, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new PrintVersion(context);
        }
    }

    /// <summary>The informational version, as <c>--version</c> prints it (with the commit after '+').</summary>
    public static string Of(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
    }

    private sealed class PrintVersion(CliContext context) : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            context.Console.Out.WriteLine(Of(typeof(CliApplication).Assembly));
            return ExitCodes.Ok;
        }
    }

    // The SDK stamps its package version as the file version (its informational version is not the package's).
    private static string FileVersion(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyFileVersionAttribute>()?.Version ?? assembly.GetName().Version?.ToString() ?? "unknown";
}
