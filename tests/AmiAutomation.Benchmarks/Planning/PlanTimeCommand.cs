using System.Diagnostics;
using System.Globalization;
using AmiAutomation.Core.Deprecation;
using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.References;

namespace AmiAutomation.Benchmarks.Planning;

/// <summary>
/// <c>plantime [--runs 5]</c>: the planning goal (100,000 images + 1,000,000 references under 1 s) as wall time AND
/// CPU time of the calling thread, per run. On a machine shared with other jobs the wall time mostly measures waiting
/// for a core; the thread's CPU time does not (it still pays for cache contention). Same inputs and policies as
/// <see cref="PlanningBenchmarks"/> and <see cref="ReferenceIndexBenchmarks"/>.
/// </summary>
internal static class PlanTimeCommand
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        var runs = args is ["--runs", var r] ? int.Parse(r, CultureInfo.InvariantCulture) : 5;
        output.WriteLine("| Figure | Wall, median (min–max) | Thread CPU, median (min–max) | Load average (1 min) at the end |");
        output.WriteLine("|---|---:|---:|---:|");
        var inventory = SyntheticInventory.Build(100_000, 1_000_000, seed: 7, Now);
        var random = new Random(7);
        var references = SyntheticInventory.References(SyntheticInventory.Images(100_000, random, Now), 1_000_000, random);
        var deprecation = new DeprecationPolicy { MaxAgeDays = 90, MinNewerImages = 3, KeepNewest = 2 };
        var expiry = new ExpiryPolicy { DeprecatedForDays = 30, RetentionDays = 365, KeepNewest = 3, MaxDeregistrationsPerRun = 1000 };
        Measure(output, "new ReferenceIndex(1,000,000 refs)", runs, () => new ReferenceIndex(references).Count);
        Measure(output, "DeprecationPlanner.Plan (100,000 images)", runs, () => DeprecationPlanner.Plan(inventory, deprecation, PlanSelection.All, Now).Decisions.Count);
        Measure(output, "ExpiryPlanner.Plan (100,000 images, cap 1,000)", runs, () => ExpiryPlanner.Plan(inventory, expiry, PlanSelection.All, Now).Decisions.Count);
        return Task.FromResult(0);
    }

    private static void Measure(TextWriter output, string name, int runs, Func<int> work)
    {
        work(); // warm-up (JIT, first-touch)
        var wall = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var cpuStart = ThreadCpu();
            var watch = Stopwatch.StartNew();
            work();
            wall.Add(watch.Elapsed.TotalMilliseconds);
            cpu.Add((ThreadCpu() - cpuStart).TotalMilliseconds);
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {Median(wall):F0} ms ({wall.Min():F0}–{wall.Max():F0}) | {Median(cpu):F0} ms ({cpu.Min():F0}–{cpu.Max():F0}) | {File.ReadAllText("/proc/loadavg").Split(' ')[0]} |"));
    }

    /// <summary>This thread's user + system time from /proc/thread-self/stat (Linux; clock ticks of 10 ms).</summary>
    private static TimeSpan ThreadCpu()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
