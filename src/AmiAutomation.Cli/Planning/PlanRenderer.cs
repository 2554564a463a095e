using System.Globalization;
using AmiAutomation.Cli.Output;
using Spectre.Console;

namespace AmiAutomation.Cli.Planning;

/// <summary>Renders a <see cref="PlanReport"/>: settings, per region the sources, families and each function's counts,
/// then one row per AMI. Tables fit the console or become lists (<see cref="FittedTable"/>): ids are never split.</summary>
internal static class PlanRenderer
{
    /// <summary>How many families and, on a terminal, how many rows are shown before a summary takes over.</summary>
    public const int MaxListed = 50;

    public static void Render(IAnsiConsole console, PlanReport report, bool terminal)
    {
        var whatIf = report.PlannedFor != report.GeneratedAt ? " (what-if)" : string.Empty;
        var simulated = report.Simulated ? " in the simulator" : string.Empty;
        Line(console, Invariant($"Plan for {report.Function}{simulated} at {report.PlannedFor:yyyy-MM-dd HH:mm}Z{whatIf}: read-only, nothing was changed."));
        Line(console, "Settings: " + EffectiveSettings.Line(report.Settings));
        foreach (var warning in report.Warnings)
        {
            Line(console, "WARNING: " + warning);
        }

        foreach (var region in report.Regions)
        {
            console.WriteLine();
            Line(console, Invariant($"{region.Region} (account {region.AccountId}): {region.Images} images, {region.References} references, inventory {(region.InventoryComplete ? "complete" : "INCOMPLETE: destructive actions blocked")}"));
            var sources = new FittedTable("Source", "Status", "Items", "Calls", "Error").RightAlign("Items").RightAlign("Calls");
            foreach (var source in region.Sources)
            {
                sources.AddRow(source.Source, source.Status, Cell(source.Items), Cell(source.Calls), Brief(source.Error));
            }

            sources.Write(console);
            if (region.ReferenceCoverage is { } coverage)
            {
                Line(console, coverage);
            }

            RenderFamilies(console, region.Families);
            foreach (var function in region.Functions)
            {
                var counts = string.Join("; ", function.Counts.Select(a => $"{a.Key}: {string.Join(", ", a.Value.Select(r => $"{r.Key} {r.Value}"))}"));
                Line(console, Invariant($"{function.Function}: {function.Actions} action(s), {function.Destructive} destructive — {counts}"));
                foreach (var note in function.Notes)
                {
                    Line(console, "  note: " + note);
                }
            }
        }

        console.WriteLine();
        RenderRows(console, report, terminal);
    }

    private static void RenderRows(IAnsiConsole console, PlanReport report, bool terminal)
    {
        var what = report.AllImages ? "every image" : "images some function acts on (--all lists kept images too, with the reason)";
        if (report.Rows.Count == 0)
        {
            Line(console, $"No rows: {what}, after the filters.");
            return;
        }

        var shown = terminal && report.Rows.Count > MaxListed ? report.Rows.Take(MaxListed).ToList() : report.Rows;
        var functions = report.Rows.SelectMany(r => r.Functions.Select(f => f.Function)).Distinct(StringComparer.Ordinal).ToList();
        var table = new FittedTable(["Image", "Name", "Family", "Age", "State", .. functions]) { Title = Invariant($"{report.Rows.Count} row(s): {what}") }
            .RightAlign("Age");
        foreach (var row in shown)
        {
            table.AddRow([row.ImageId, row.Name, row.Family, Invariant($"{row.AgeDays}d"), row.State,
                .. functions.Select(f => row.Functions.FirstOrDefault(c => c.Function == f)?.Short ?? string.Empty)]);
        }

        if (shown.Count < report.Rows.Count)
        {
            // A large fleet on a terminal: the counts first, then the first rows, and how to see them all.
            Line(console, "Summary by function, action and reason:");
            var summary = new FittedTable("Function", "Action or reason", "Images").RightAlign("Images");
            foreach (var group in report.Rows.SelectMany(r => r.Functions)
                .GroupBy(c => (c.Function, c.Short.Split(' ')[0] == "keep:" ? c.Short : c.Action))
                .OrderBy(g => g.Key.Function, StringComparer.Ordinal).ThenByDescending(g => g.Count()))
            {
                summary.AddRow(group.Key.Function, group.Key.Item2, Cell(group.Count()));
            }

            summary.Write(console);
        }

        table.Write(console);
        if (shown.Count < report.Rows.Count)
        {
            Line(console, Invariant($"… {report.Rows.Count - shown.Count} more row(s) not shown: use --output csv or --output json for every row, narrow with --family or --action, or pipe the output (| less)."));
        }
    }

    /// <summary>Each family with its image count and its newest images, so a merge or split shows.</summary>
    private static void RenderFamilies(IAnsiConsole console, IReadOnlyList<PlanFamily> families)
    {
        var table = new FittedTable("Family", "Images", "Newest first").RightAlign("Images");
        foreach (var family in families.Take(MaxListed))
        {
            var names = family.Images.Take(3).Select(i => $"{i.Name} ({i.ImageId})");
            var more = family.Count > 3 ? Invariant($", … {family.Count - 3} more") : string.Empty;
            table.AddRow(family.Family, Cell(family.Count), string.Join(", ", names) + more);
        }

        table.Write(console);
        if (families.Count > MaxListed)
        {
            Line(console, Invariant($"  … {families.Count - MaxListed} more families (use --output json for all)"));
        }
    }

    /// <summary>Plain text (no markup), wrapped by the console between words only.</summary>
    private static void Line(IAnsiConsole console, string text) => console.Write(new Text(text + Environment.NewLine));

    /// <summary>The first line of a message, at most 160 characters (HTML error bodies from emulators are long).</summary>
    private static string Brief(string? text)
    {
        var line = (text ?? string.Empty).Split('\n')[0].Trim();
        return line.Length <= 160 ? line : line[..159] + "…";
    }

    private static string Cell(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
