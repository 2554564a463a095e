using System.Globalization;
using AmiAutomation.Cli.Planning;
using Spectre.Console;

namespace AmiAutomation.Cli.Explain;

/// <summary>
/// Renders an <see cref="ExplainReport"/> as indented text: per image what it is, the evidence (references by source,
/// family and rank, tags, sources), then per function the verdict, every protection (holds or not), every rule (fires
/// or when) and what comes next. Lines wrap between words only, so ids are never split.
/// </summary>
internal static class ExplainRenderer
{
    public static void Render(IAnsiConsole console, ExplainReport report)
    {
        var whatIf = report.ExplainedAt != report.GeneratedAt ? " (what-if)" : string.Empty;
        var simulated = report.Simulated ? " in the simulator" : string.Empty;
        Line(console, 0, Invariant($"Explained{simulated} at {ExplanationBuilder.Time(report.ExplainedAt)}{whatIf}: read-only, nothing was changed."));
        Line(console, 0, "Settings: " + EffectiveSettings.Line(report.Settings));
        foreach (var image in report.Images)
        {
            console.WriteLine();
            if (image.Status != ImageExplanation.Explained)
            {
                Line(console, 0, image.ImageId);
                Line(console, 2, $"{image.Status}: {image.Message}");
                continue;
            }

            RenderImage(console, image);
        }
    }

    private static void RenderImage(IAnsiConsole console, ImageExplanation image)
    {
        Line(console, 0, image.ImageId);
        Line(console, 2, Invariant($"{image.Name} in {image.Region}, {image.State}, created {ExplanationBuilder.Time(image.CreationDate)} ({image.AgeDays} days old)")
            + (image.DeprecationTime is { } deprecated ? $", deprecation time {ExplanationBuilder.Time(deprecated)}" : ", not deprecated")
            + (image.LastLaunchedTime is { } launched ? $", last launched {ExplanationBuilder.Time(launched)}" : string.Empty));
        Line(console, 2, "Evidence");
        var references = image.References ?? [];
        Line(console, 4, references.Count == 0 ? "References: none found" : Invariant($"References: {references.Count}"));
        foreach (var reference in references)
        {
            Line(console, 6, $"{reference.ResourceId} ({reference.Kind}, found by {reference.Source})");
        }

        Line(console, 4, "Sources: " + string.Join(", ", (image.Sources ?? []).Select(s => s.Error is null ? $"{s.Source} {s.Status}" : $"{s.Source} {s.Status} ({Brief(s.Error)})")));
        if (image.Family is { } family)
        {
            var rank = family.Rank is { } r ? Invariant($"number {r} of {family.Ranked} available image(s), newest first") : Invariant($"not ranked among its {family.Ranked} available image(s)");
            Line(console, 4, Invariant($"Family '{family.Name}': {rank}; {family.Keepers} available or disabled; deprecate keeps the newest {family.DeprecateKeepsNewest}, expire the newest {family.ExpireKeepsNewest}"));
            Line(console, 6, "newest first: " + string.Join(", ", family.NewestFirst));
        }

        var tags = image.Tags ?? new Dictionary<string, string>();
        Line(console, 4, tags.Count == 0 ? "Tags read: no ami-lifecycle: tags" : "Tags read: " + string.Join("; ", tags.Select(t => $"{t.Key} = '{t.Value}'")));
        foreach (var function in image.Functions ?? [])
        {
            Line(console, 2, $"{function.Function}: {function.Action}");
            foreach (var reason in function.Reasons)
            {
                Line(console, 4, "because " + reason);
            }

            foreach (var protection in function.Protections)
            {
                Line(console, 4, $"{(protection.Holds ? "HOLDS " : "no    ")} {protection.Code}: {protection.Detail}");
            }

            foreach (var rule in function.Rules)
            {
                var when = rule.At is { } at ? $" at {ExplanationBuilder.Time(at)}" : string.Empty;
                Line(console, 4, $"{(rule.Holds ? "fires " : "waits ")} {rule.Code}{when}: {rule.Detail}");
            }

            Line(console, 4, "next: " + function.Next);
        }

        Line(console, 2, "Recycle Bin: " + image.RecycleBin);
    }

    /// <summary>Plain text indented by <paramref name="indent"/>, wrapped between words within the console's width.</summary>
    private static void Line(IAnsiConsole console, int indent, string text) =>
        console.Write(new Padder(new Text(text), new Padding(indent, 0, 0, 0)));

    private static string Brief(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.Length <= 120 ? line : line[..119] + "…";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
