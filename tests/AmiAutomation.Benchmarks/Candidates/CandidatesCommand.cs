using System.Globalization;
using System.Text.Json;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Benchmarks.Simulated;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;

namespace AmiAutomation.Benchmarks.Candidates;

/// <summary>
/// <c>candidates [--images 1000,10000,50000] [--percent 1,10,50] [--also 50000:5]</c>: EC2 calls of one dry-run
/// expire sweep (the real ExpireFunction through InvokeAsync) for N images of which C are candidates, against the
/// candidates-first formula ⌈N/1000⌉ + ⌈C/10⌉ + the fleet-wide pages, and its paced duration: the simulator's
/// token-bucket throttling (EC2's bucket sizes) and the client-side limiter share one virtual clock, so the duration
/// is simulated time, not waited for. Counts whatever the code does; it does not assume candidates-first.
/// </summary>
internal static class CandidatesCommand
{
    private static readonly string[] FleetWide =
        ["DescribeInstances", "DescribeLaunchTemplates", "DescribeLaunchTemplateVersions", "autoscaling:DescribeLaunchConfigurations", "DescribeSpotInstanceRequests", "DescribeSpotFleetRequests"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        var images = Ints(args, "--images", [1_000, 10_000, 50_000]);
        var percents = Doubles(args, "--percent", [1, 10, 50]);
        var runs = images.SelectMany(n => percents.Select(p => (n, p))).ToList();
        foreach (var extra in Option(args, "--also")?.Split(',') ?? ["50000:5"])
        {
            var parts = extra.Split(':');
            runs.Add((int.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture)));
        }

        await output.WriteLineAsync("| N | C % | C | DescribeImages | DescribeImageReferences | fleet-wide listings | DescribeImageAttribute | DeregisterImage (DryRun) | other | Total | Formula ⌈N/1000⌉ + ⌈C/10⌉ + fleet-wide | Beyond formula | Deregister planned (a) | Failed | Paced (simulated) | Wall |");
        await output.WriteLineAsync("|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (n, percent) in runs)
        {
            await output.WriteLineAsync(await MeasureAsync(n, percent));
        }

        return 0;
    }

    private static async Task<string> MeasureAsync(int images, double percent)
    {
        var clock = new VirtualClock(SimulatedAccount.Start);
        var account = new SimulatedAccount(clock);
        var candidates = CandidateFleet.Build(account.Simulator, images, percent, seed: 1);
        account.StartMeasuring();
        var function = new ExpireFunction(
            account.Services(new Dictionary<string, string>
            {
                [ExpireSettings.ExpireOlderThanDaysVariable] = CandidateFleet.RetentionDays.ToString(CultureInfo.InvariantCulture),
                [ExpireSettings.KeepNewestVariable] = CandidateFleet.KeepNewest.ToString(CultureInfo.InvariantCulture),
                [CommonSettings.DryRunVariable] = "true",
            }),
            new Ec2RateLimiterRegistry(clock));
        var start = clock.GetUtcNow();
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var result = await clock.RunAsync(() => function.InvokeAsync("{}"u8.ToArray(), account.Invocation(function.Name)));
        wall.Stop();
        var simulated = clock.GetUtcNow() - start;
        var summary = JsonSerializer.Deserialize(result ?? [], FunctionsJsonContext.Default.RunSummary)
            ?? throw new InvalidOperationException("The expire function returned no summary.");
        if (!summary.DryRun || summary.FailedSources.Count > 0)
        {
            throw new InvalidOperationException($"N={images}: not a complete dry run ({summary.FailedSources.Count} failed sources).");
        }

        var calls = account.Simulator.Calls.CountsByAction;
        int Of(string action) => calls.GetValueOrDefault(action);
        var fleetWide = FleetWide.Sum(Of);
        var known = new HashSet<string>(FleetWide) { "DescribeImages", "DescribeImageReferences", "DescribeImageAttribute", "DeregisterImage" };
        var other = calls.Where(kv => !known.Contains(kv.Key)).Select(kv => $"{kv.Key} {kv.Value}").ToList();
        var total = calls.Values.Sum();
        var formula = ((images + 999) / 1000) + ((candidates + 9) / 10) + fleetWide;
        var failed = account.Simulator.Calls.All.Count(c => c.ErrorCode is not null && c.ErrorCode != "DryRunOperation");
        var acted = summary.Counts.TryGetValue("Deregister", out var deregister) ? deregister.Values.Sum() : 0;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"| {images:N0} | {percent:0.#} | {candidates:N0} | {Of("DescribeImages"):N0} | {Of("DescribeImageReferences"):N0} | {fleetWide:N0} | {Of("DescribeImageAttribute"):N0} | {Of("DeregisterImage"):N0} "
            + $"| {(other.Count == 0 ? "none" : string.Join(", ", other))} | {total:N0} | {formula:N0} | {total - formula:N0} | {acted:N0} | {failed} | {simulated.TotalSeconds:F1} s | {wall.Elapsed.TotalSeconds:F1} s |");
    }

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }

    private static int[] Ints(IReadOnlyList<string> args, string name, int[] fallback) =>
        Option(args, name) is { } value ? [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))] : fallback;

    private static double[] Doubles(IReadOnlyList<string> args, string name, double[] fallback) =>
        Option(args, name) is { } value ? [.. value.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture))] : fallback;
}
