using System.Globalization;
using Spectre.Console;

namespace AmiAutomation.Cli.Simulation;

/// <summary>Images by state over time as stacked text bars (one per sampled day), readable with or without colour.</summary>
internal static class ChartRenderer
{
    /// <summary>The widest bar; narrower consoles get shorter bars (the label and counts take about 30 columns).</summary>
    public const int Width = 60;

    private const int Labels = 30;
    public const int MaxRows = 15;

    private static readonly (string Label, char Glyph, string Colour)[] Segments =
    [
        ("available", '█', "green"),
        ("deprecated", '▓', "yellow"),
        ("disabled", '▒', "grey"),
        ("Recycle Bin", '░', "red"),
    ];

    public static void Render(IAnsiConsole console, IReadOnlyList<DayReport> days)
    {
        if (days.Count == 0)
        {
            return;
        }

        var max = days.Max(d => d.Available + d.Deprecated + d.Disabled + d.InRecycleBin);
        var width = Math.Clamp(console.Profile.Width - Labels, 10, Width);
        var step = Math.Max(1, (int)Math.Ceiling(days.Count / (double)MaxRows));
        console.MarkupLine("[bold]Images by state over time[/] " + string.Join("  ", Segments.Select(s => $"[{s.Colour}]{s.Glyph}[/] {s.Label}")));
        foreach (var day in days.Where((d, i) => i % step == 0 || i == days.Count - 1))
        {
            int[] values = [day.Available, day.Deprecated, day.Disabled, day.InRecycleBin];
            var bar = string.Concat(values.Select((v, i) => $"[{Segments[i].Colour}]{new string(Segments[i].Glyph, Scale(v, max, width))}[/]"));
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"day {day.Day,3} {bar} {values.Sum()} ({day.Available}/{day.Deprecated}/{day.Disabled}/{day.InRecycleBin})"));
        }
    }

    private static int Scale(int value, int max, int width) =>
        max == 0 || value == 0 ? 0 : Math.Max(1, (int)Math.Round(value * (double)width / max));
}
