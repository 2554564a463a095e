using Spectre.Console;

namespace AmiAutomation.Cli.Output;

/// <summary>
/// Where the CLI writes: standard output (results: tables or one JSON document), standard error (messages,
/// progress, function logs with <c>--verbose</c>). Tests pass string writers; nothing else touches <see cref="System.Console"/>.
/// </summary>
public sealed class CliConsole
{
    /// <summary>Width used for tables when output is not a terminal, so redirected output is stable.</summary>
    public const int PlainWidth = 120;

    public CliConsole(TextWriter output, TextWriter error, bool isTerminal)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        Out = output;
        Error = error;
        IsTerminal = isTerminal;
        Ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!isTerminal)
        {
            Ansi.Profile.Width = PlainWidth;
        }
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>Standard output is an interactive terminal: colours and progress displays are allowed.</summary>
    public bool IsTerminal { get; }

    /// <summary>Spectre.Console on <see cref="Out"/>.</summary>
    public IAnsiConsole Ansi { get; }

    /// <summary>The process console (colours and progress only when standard output is a terminal).</summary>
    public static CliConsole FromSystem() =>
        new(System.Console.Out, System.Console.Error, !System.Console.IsOutputRedirected);

    /// <summary>Writes an error line (<c>error: ...</c>) to standard error.</summary>
    public void WriteError(string message) => Error.WriteLine($"error: {message}");
}
