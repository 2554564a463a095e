using System.CommandLine;

namespace AmiAutomation.Cli.Commands;

/// <summary>Options every command understands.</summary>
public sealed class GlobalOptions
{
    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Stream the functions' logs (JSON lines) to standard error.",
        Recursive = true,
    };
}
