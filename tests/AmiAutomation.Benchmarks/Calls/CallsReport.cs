using System.Globalization;

namespace AmiAutomation.Benchmarks.Calls;

/// <summary>The calls figures as Markdown tables: actual / expected per action, then the verdicts.</summary>
internal static class CallsReport
{
    private static readonly string[] SweepActions =
        ["DescribeImages", "DescribeImageReferences", "DescribeInstances", "DescribeLaunchTemplates", "DescribeLaunchTemplateVersions", "DescribeImageAttribute", "DeregisterImage"];

    public static string Render(IReadOnlyList<CallsResult> results)
    {
        var lines = new List<string>
        {
            "Inventory (Ec2InventoryReader, one region), actual / formula:",
            string.Empty,
            "| Owned images N | with LastLaunchedTime | live instances / launch templates / versions | DescribeImages ⌈N/1000⌉ | DescribeImageReferences ⌈N/10⌉ | DescribeInstances | DescribeLaunchTemplates | DescribeLaunchTemplateVersions | DescribeImageAttribute | Total | Failed calls | Paced duration (simulated) | Wall time |",
            "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        };
        foreach (var r in results)
        {
            var e = r.Expected;
            var i = r.Inventory;
            lines.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"| {r.Images:N0} | {r.ImagesWithLastLaunched:N0} | {r.Census.LiveInstances:N0} / {r.Census.LaunchTemplates:N0} / {r.Census.VersionsPerTemplate.Sum():N0} "
                + $"| {Pair(i.Of("DescribeImages"), e.DescribeImages)} | {Pair(i.Of("DescribeImageReferences"), e.DescribeImageReferences)} "
                + $"| {Pair(i.Of("DescribeInstances"), e.DescribeInstances)} | {Pair(i.Of("DescribeLaunchTemplates"), e.DescribeLaunchTemplates)} "
                + $"| {Pair(i.Of("DescribeLaunchTemplateVersions"), e.DescribeLaunchTemplateVersions)} | {Pair(i.Of("DescribeImageAttribute"), 0)} "
                + $"| {Pair(i.Total, e.Total)} | {i.Failed} | {i.Simulated.TotalSeconds:F1} s | {i.Wall.TotalSeconds:F1} s |"));
        }

        lines.Add(string.Empty);
        lines.Add("Full expire sweep, dry-run, production defaults (ExpireFunction through ILambdaFunction.InvokeAsync); calls beyond the inventory formula come from the re-check of each planned deregistration (DescribeImages by id, DescribeImageAttribute launchPermission + lastLaunchedTime when EC2 has none, DescribeImageReferences, DescribeInstances) and its DeregisterImage(DryRun):");
        lines.Add(string.Empty);
        lines.Add("| Owned images N | Decisions | Deregister planned (a) | " + string.Join(" | ", SweepActions) + " | Other | Total | Beyond inventory | Failed calls | Paced duration (simulated) | Wall time |");
        lines.Add("|---:|---:|---:|" + string.Concat(Enumerable.Repeat("---:|", SweepActions.Length)) + "---|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var s = r.Sweep;
            var other = s.ByAction.Where(kv => !SweepActions.Contains(kv.Key)).Select(kv => $"{kv.Key} {kv.Value}").ToList();
            var perAction = string.Join(" | ", SweepActions.Select(a => s.Of(a).ToString("N0", CultureInfo.InvariantCulture)));
            lines.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"| {r.Images:N0} | {r.Decisions:N0} | {r.Acted} | {perAction}"
                + $" | {(other.Count == 0 ? "none" : string.Join(", ", other))} | {s.Total:N0} | {s.Total - r.Expected.Total:N0} | {s.Failed} | {s.Simulated.TotalSeconds:F1} s | {s.Wall.TotalSeconds:F1} s |"));
        }

        lines.Add(string.Empty);
        foreach (var r in results)
        {
            lines.Add(Invariant($"- N = {r.Images:N0}: {string.Join("; ", Verdicts(r))}."));
        }

        return string.Join('\n', lines);
    }

    /// <summary>Every check for one fleet size, each ending in "met" or "MISSED".</summary>
    public static IReadOnlyList<string> Verdicts(CallsResult r)
    {
        var s = r.Sweep;
        var a = r.Acted;
        var recheckOk = s.Of("DescribeImages") == r.Expected.DescribeImages + a
            && s.Of("DescribeImageReferences") == r.Expected.DescribeImageReferences + a
            && s.Of("DescribeInstances") == r.Expected.DescribeInstances + a
            && s.Of("DescribeLaunchTemplates") == r.Expected.DescribeLaunchTemplates
            && s.Of("DescribeLaunchTemplateVersions") == r.Expected.DescribeLaunchTemplateVersions
            && s.Of("DescribeImageAttribute") >= a && s.Of("DescribeImageAttribute") <= 2 * a
            && s.Of("DeregisterImage") == a
            && s.ByAction.Keys.All(SweepActions.Contains);
        var i = r.Inventory;
        var e = r.Expected;
        var inventoryOk = i.Of("DescribeImages") == e.DescribeImages
            && i.Of("DescribeImageReferences") == e.DescribeImageReferences
            && i.Of("DescribeInstances") == e.DescribeInstances
            && i.Of("DescribeLaunchTemplates") == e.DescribeLaunchTemplates
            && i.Of("DescribeLaunchTemplateVersions") == e.DescribeLaunchTemplateVersions
            && i.Total == e.Total;
        return
        [
            Invariant($"inventory calls = formula, action by action ({r.Inventory.Total:N0} = {r.Expected.Total:N0}): {Verdict(inventoryOk)}"),
            Invariant($"zero per-image DescribeImageAttribute in the inventory ({r.ImagesWithLastLaunched:N0} images carry LastLaunchedTime from DescribeImages): {Verdict(r.Inventory.Of("DescribeImageAttribute") == 0)}"),
            Invariant($"sweep = formula + per planned deregistration only (a = {a}; DescribeImageAttribute {s.Of("DescribeImageAttribute")} within [a, 2a]): {Verdict(recheckOk)}"),
            Invariant($"inventory complete, zero failed calls under EC2 throttling: {Verdict(r.InventoryComplete && r.Inventory.Failed == 0 && s.Failed == 0)}"),
        ];
    }

    private static string Pair(int actual, int expected) => Invariant($"{actual:N0} / {expected:N0}");

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
