using System.Globalization;
using Spectre.Console;

namespace AmiAutomation.Cli.Planning;

/// <summary>Renders a <see cref="PlanReport"/>: per region the sources, then each function's counts and acting decisions.</summary>
internal static class PlanRenderer
{
    public const int MaxListed = 50;

    public static void Render(IAnsiConsole console, PlanReport report)
    {
        var whatIf = report.PlannedFor != report.GeneratedAt ? " (what-if)" : string.Empty;
        console.MarkupLine(Markup.Escape(Invariant($"Plan for {report.Function} at {report.PlannedFor:yyyy-MM-dd HH:mm}Z{whatIf}: read-only, nothing was changed.")));
        foreach (var warning in report.Warnings)
        {
            console.MarkupLine(Markup.Escape("WARNING: " + warning));
        }

        foreach (var region in report.Regions)
        {
            console.WriteLine();
            console.MarkupLine(Markup.Escape(Invariant($"{region.Region} (account {region.AccountId}): {region.Images} images, {region.References} references, inventory {(region.InventoryComplete ? "complete" : "INCOMPLETE: destructive actions blocked")}")));
            var sources = new Table().Border(TableBorder.Simple).AddColumn("Source").AddColumn("Status").AddColumn("Items").AddColumn("Calls").AddColumn("Error");
            foreach (var source in region.Sources)
            {
                sources.AddRow(source.Source, source.Status, Cell(source.Items), Cell(source.Calls), Markup.Escape(Brief(source.Error)));
            }

            console.Write(sources);
            if (region.ReferenceCoverage is { } coverage)
            {
                console.MarkupLine(Markup.Escape(coverage));
            }

            RenderFamilies(console, region.Families);
            foreach (var function in region.Functions)
            {
                RenderFunction(console, function);
            }
        }
    }

    /// <summary>Each family with its image count and its images' names (newest first), so a merge or split shows.</summary>
    private static void RenderFamilies(IAnsiConsole console, IReadOnlyList<PlanFamily> families)
    {
        if (families.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("Family").AddColumn("Images").AddColumn("Newest first");
        foreach (var family in families.Take(MaxListed))
        {
            var names = family.Images.Take(3).Select(i => $"{i.Name} ({i.ImageId})");
            var more = family.Count > 3 ? Invariant($", … {family.Count - 3} more") : string.Empty;
            table.AddRow(Markup.Escape(family.Family), Cell(family.Count), Markup.Escape(string.Join(", ", names) + more));
        }

        console.Write(table);
        if (families.Count > MaxListed)
        {
            console.MarkupLine(Invariant($"  … {families.Count - MaxListed} more families (use --json for all)"));
        }
    }

    private static void RenderFunction(IAnsiConsole console, FunctionPlan function)
    {
        var counts = string.Join("; ", function.Counts.Select(a => $"{a.Key}: {string.Join(", ", a.Value.Select(r => $"{r.Key} {r.Value}"))}"));
        console.MarkupLine(Markup.Escape(Invariant($"{function.Function}: {function.Actions} action(s), {function.Destructive} destructive — {counts}")));
        foreach (var note in function.Notes)
        {
            console.MarkupLine(Markup.Escape("  note: " + note));
        }

        if (function.Decisions.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("Image").AddColumn("Name").AddColumn("Family").AddColumn("Action").AddColumn("Reasons").AddColumn("When / where");
        foreach (var d in function.Decisions.Take(MaxListed))
        {
            var when = d.DeprecateAt is { } at ? at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : d.TargetRegion ?? string.Empty;
            table.AddRow(d.ImageId, Markup.Escape(d.Name), Markup.Escape(d.Family), d.Action, Markup.Escape(string.Join("; ", d.Reasons.Select(Brief))), when);
        }

        console.Write(table);
        if (function.Decisions.Count > MaxListed)
        {
            console.MarkupLine(Invariant($"  … {function.Decisions.Count - MaxListed} more (use --json for all)"));
        }
    }

    /// <summary>The first line of a message, at most 160 characters (HTML error bodies from emulators are long).</summary>
    private static string Brief(string? text)
    {
        var line = (text ?? string.Empty).Split('\n')[0].Trim();
        return line.Length <= 160 ? line : line[..159] + "…";
    }

    private static string Cell(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
