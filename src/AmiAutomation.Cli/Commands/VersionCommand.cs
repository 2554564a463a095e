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
            await context.Console.Out.WriteLineAsync($"ami-automation {Of(typeof(CliApplication).Assembly)}").ConfigureAwait(false);
            await context.Console.Out.WriteLineAsync($".NET {Environment.Version}").ConfigureAwait(false);
            await context.Console.Out.WriteLineAsync($"AWSSDK.Core {FileVersion(typeof(Amazon.Runtime.AWSCredentials).Assembly)}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The informational version, exactly as <c>--version</c> prints it (with the commit after '+').</summary>
    public static string Of(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
    }

    // The SDK stamps its package version as the file version (its informational version is not the package's).
    private static string FileVersion(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyFileVersionAttribute>()?.Version ?? assembly.GetName().Version?.ToString() ?? "unknown";
}
