using System.Globalization;
using Spectre.Console;

namespace AmiAutomation.Cli.Output;

/// <summary>
/// Where the CLI writes: standard output (results: tables or one JSON document), standard error (messages,
/// progress, function logs with <c>--verbose</c>). Tests pass string writers; nothing else touches <see cref="System.Console"/>.
/// </summary>
/// <remarks>Width: <c>COLUMNS</c> when set (terminals and tests), else the terminal's width; output that is not a
/// terminal gets <see cref="UnboundedWidth"/>, so a pipe or a file is never hard-wrapped. <c>NO_COLOR</c> is honoured
/// by Spectre's detection (and output that is not a terminal has no colour at all).</remarks>
public sealed class CliConsole
{
    /// <summary>Width used when output is not a terminal and <c>COLUMNS</c> is not set: lines as long as they are.</summary>
    public const int UnboundedWidth = 4096;

    /// <summary>The narrowest width honoured; below it lists are still written one field per line.</summary>
    public const int MinWidth = 40;

    public CliConsole(TextWriter output, TextWriter error, bool isTerminal, int? width = null)
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
        if (width is { } columns)
        {
            Ansi.Profile.Width = Math.Max(MinWidth, columns);
        }
        else if (!isTerminal)
        {
            Ansi.Profile.Width = UnboundedWidth;
        }
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>Standard output is an interactive terminal: colours, progress displays and summaries are allowed.</summary>
    public bool IsTerminal { get; }

    /// <summary>Spectre.Console on <see cref="Out"/>.</summary>
    public IAnsiConsole Ansi { get; }

    /// <summary>The width tables and lists are fitted to.</summary>
    public int Width => Ansi.Profile.Width;

    /// <summary>The process console (colours and progress only when standard output is a terminal; width from COLUMNS).</summary>
    public static CliConsole FromSystem() =>
        new(System.Console.Out, System.Console.Error, !System.Console.IsOutputRedirected, WidthFrom(System.Environment.GetEnvironmentVariable("COLUMNS")));

    /// <summary><c>COLUMNS</c> as a width; null when unset or not a positive number.</summary>
    public static int? WidthFrom(string? columns) =>
        int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out var width) && width > 0 ? width : null;

    /// <summary>Writes an error line (<c>error: ...</c>) to standard error.</summary>
    public void WriteError(string message) => Error.WriteLine($"error: {message}");
}
