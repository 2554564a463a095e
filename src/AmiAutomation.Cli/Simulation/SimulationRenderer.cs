using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AmiAutomation.Cli.Simulation;

/// <summary>Renders a <see cref="SimulationReport"/> for people: fleet, per-day table, chart, decisions, skips, restore, summary.</summary>
internal static class SimulationRenderer
{
    public const int MaxReasonsPerFunction = 8;

    public static void Render(IAnsiConsole console, SimulationReport report)
    {
        var fleet = report.Fleet;
        console.MarkupLine(Invariant($"[bold]AmiAutomation simulation[/] · seed {report.Seed} · {report.DaysSimulated} days from {report.StartedAt:yyyy-MM-dd} · regions {Markup.Escape(string.Join(", ", report.Regions))} (home {report.HomeRegion})"));
        console.MarkupLine(Invariant($"Fleet at start: {fleet.Images} images ({string.Join(", ", fleet.ImagesByRegion.Select(r => $"{r.Key} {r.Value}"))}), {fleet.Families} generated families, {fleet.ImagesManagedByOthers} managed by AWS services, {fleet.Instances} instances, {fleet.LaunchTemplates} launch templates"));
        console.MarkupLine(Markup.Escape("Policy: " + string.Join(" ", report.Policy.Where(p => p.Key != "ACCOUNT_ID").Select(p => $"{p.Key}={p.Value}"))));
        console.WriteLine();
        RenderDays(console, report);
        console.WriteLine();
        ChartRenderer.Render(console, report.Days);
        console.WriteLine();
        RenderDecisions(console, report);
        console.WriteLine();
        console.Write(SkipTable(report));
        console.WriteLine();
        RenderRestore(console, report.Restore);
        RenderSummary(console, report);
    }

    private static readonly (string Header, string Footer)[] DayColumns =
    [
        ("Day", ""), ("Date", ""), ("Avail", "available"), ("Depr", "deprecated"), ("Dis", "disabled"), ("Bin", "in Recycle Bin"),
        ("Gone", "purged for good"), ("Built", "new builds"), ("Cp→", "copies started"), ("Cp✓", "copies finished"),
        ("+Depr", "deprecated"), ("+Exp", "expired"), ("+Rest", "restored"), ("GiB", "snapshot GiB released"),
    ];

    /// <summary>The columns after Day and Date that show states; the rest show what the functions did.</summary>
    private const int StateColumns = 5;

    /// <summary>The day table, compact (no borders, one space between columns, nothing wraps); when even that is wider
    /// than the console, two tables (states, then activity), each with the day and date.</summary>
    private static void RenderDays(IAnsiConsole console, SimulationReport report)
    {
        console.Write(new Text("Our images by state at the end of each day (all regions), and what the functions did that day" + Environment.NewLine));
        var all = Enumerable.Range(0, DayColumns.Length).ToArray();
        var whole = DayTable(report, all);
        if (Output.FittedTable.NaturalWidth(console, whole) <= console.Profile.Width)
        {
            console.Write(whole);
        }
        else
        {
            console.Write(DayTable(report, [.. all.Take(2 + StateColumns)]));
            console.WriteLine();
            console.Write(DayTable(report, [0, 1, .. all.Skip(2 + StateColumns)]));
        }

        console.Write(new Text(string.Join(" · ", DayColumns.Where(c => c.Footer.Length > 0).Select(c => $"{c.Header} {c.Footer}")) + Environment.NewLine));
    }

    private static Table DayTable(SimulationReport report, int[] columns)
    {
        var table = new Table().Border(TableBorder.None);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(DayColumns[column].Header)).RightAligned().NoWrap().PadLeft(0).PadRight(1));
        }

        foreach (var day in report.Days)
        {
            string[] cells =
            [
                Cell(day.Day), day.Date.ToString("MM-dd", CultureInfo.InvariantCulture), Cell(day.Available), Cell(day.Deprecated), Cell(day.Disabled),
                Cell(day.InRecycleBin), Cell(day.DeregisteredForGood), Cell(day.Built), Cell(day.CopiesStarted), Cell(day.CopiesFinished),
                Cell(day.DeprecatedToday), Cell(day.ExpiredToday), Cell(day.Restored), day.SnapshotGiBReleased.ToString("0.#", CultureInfo.InvariantCulture),
            ];
            table.AddRow(columns.Select(c => (IRenderable)new Text(cells[c])).ToArray());
        }

        return table;
    }

    private static void RenderDecisions(IAnsiConsole console, SimulationReport report)
    {
        console.MarkupLine("[bold]Notable decisions[/] (the first few of each kind, with the reason the function gave)");
        foreach (var d in report.NotableDecisions)
        {
            var name = string.IsNullOrEmpty(d.Name) ? string.Empty : $" ({d.Name})";
            var detail = string.IsNullOrEmpty(d.Detail) ? string.Empty : $": {d.Detail}";
            console.MarkupLine(Markup.Escape(Invariant($"  day {d.Day,2}  {d.Function,-9} {d.Region,-14} {d.Action,-10} {d.ImageId}{name} because {d.Reason}{detail} → {d.Outcome}")));
        }
    }

    private static Table SkipTable(SimulationReport report)
    {
        var table = new Table().Border(TableBorder.Simple).Title("Images left alone, by function and reason (decisions summed over all runs)");
        table.AddColumn("Function").AddColumn("Reason").AddColumn(new TableColumn("Decisions").RightAligned());
        foreach (var (function, reasons) in report.SkipsByReason)
        {
            var ordered = reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
            foreach (var (reason, count) in ordered.Take(MaxReasonsPerFunction))
            {
                table.AddRow(function, reason, Cell(count));
            }

            if (ordered.Count > MaxReasonsPerFunction)
            {
                table.AddRow(function, Invariant($"{ordered.Count - MaxReasonsPerFunction} more reasons (--json lists all)"), Cell(ordered.Skip(MaxReasonsPerFunction).Sum(r => r.Value)));
            }
        }

        return table;
    }

    private static void RenderRestore(IAnsiConsole console, RestoreReport? restore)
    {
        if (restore is null)
        {
            console.MarkupLine("Restore: none (no image expired before the restore day).");
            return;
        }

        console.MarkupLine(Markup.Escape(Invariant(
            $"Restore on day {restore.Day}: {restore.ImageId} ({restore.Name}) in {restore.Region}, expired on day {restore.ExpiredOnDay}: {(restore.Succeeded ? "restored" : "NOT restored")}, available afterwards: {(restore.AvailableAfterwards ? "yes" : "no")}. {restore.Response}")));
        console.WriteLine();
    }

    private static void RenderSummary(IAnsiConsole console, SimulationReport report)
    {
        var t = report.Totals;
        var s = report.Safety;
        var first = report.Days.Count > 0 ? report.Days[0] : null;
        var last = report.Days.Count > 0 ? report.Days[^1] : null;
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("Invocations", Invariant($"{t.Invocations} (function errors: {t.FunctionErrors}, failed actions: {t.FailedActions})"));
        grid.AddRow("Built / copied", Invariant($"{t.ImagesBuilt} images built, {t.CopiesStarted} copies started, {t.CopiesFinished} finished"));
        grid.AddRow("Retired", Invariant($"{t.Deprecated} deprecated, {t.Expired} deregistered into the Recycle Bin, {t.Restored} restored"));
        if (first is not null && last is not null)
        {
            grid.AddRow("Available images", Invariant($"{first.Available} → {last.Available} (deprecated {first.Deprecated} → {last.Deprecated}, gone for good {last.DeregisteredForGood})"));
        }

        grid.AddRow("Snapshots released", Invariant($"{t.SnapshotsDeleted} snapshots, {t.SnapshotGiBReleased:0.#} GiB ≈ ${t.EstimatedMonthlySavingUsd:0.00}/month saved"));
        grid.AddRow("Safety: in-use images deleted", Invariant($"{s.InUseImagesDeregistered} (checked {s.DeregistrationsChecked} deregistrations in {s.ExpireRunsChecked} expire runs against {s.ReferencesChecked} references)"));
        grid.AddRow("Safety: protected images deleted", Invariant($"{s.ProtectedImagesDeregistered} (keep tag, deregistration protection, public, managed by AWS services)"));
        grid.AddRow("Safety: ledger records", Invariant($"{s.DeregistrationsWithLedgerRecord} of {s.DeregistrationsChecked} deregistrations have one (restorable)"));
        console.Write(new Panel(grid).Header(Markup.Escape(SimulationVerdict.Headline(report))).Border(BoxBorder.Rounded));
        foreach (var error in report.FunctionErrors.Take(10))
        {
            console.MarkupLine(Markup.Escape(Invariant($"day {error.Day} {error.Function} {error.Region} {error.RequestId}: {error.ErrorType}: {error.ErrorMessage}")));
        }
    }

    private static string Cell(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
