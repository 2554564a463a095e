using System.Globalization;

namespace AmiAutomation.Benchmarks.ColdStart;

/// <summary>
/// Cold start of the bootstrap, Native AOT against JIT (<c>dotnet &lt;dll&gt;</c>): N alternating runs each after one
/// untimed warm-up, median and p90 of process start → first <c>next</c> and → first response, the AOT binary size, the
/// speed-up, and the goals (AOT ≤ 30 ms to first next, ≥ 8× faster than JIT, binary ≤ 20 MB).
/// </summary>
internal static class ColdStartCommand
{
    private const double GoalFirstNextMs = 30;
    private const double GoalSpeedUp = 8;
    private const long GoalBinaryBytes = 20_000_000;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        var (options, problems) = ColdStartOptions.Parse(args);
        if (options is null)
        {
            foreach (var problem in problems)
            {
                await output.WriteLineAsync("coldstart: " + problem);
            }

            await output.WriteLineAsync("usage: " + ColdStartOptions.Usage);
            return 2;
        }

        var aotCommand = (options.AotPath, Array.Empty<string>());
        var jitCommand = ("dotnet", new[] { options.JitDllPath });
        await ColdStartRunner.MeasureAsync(aotCommand.Item1, aotCommand.Item2, options.Handler);
        await ColdStartRunner.MeasureAsync(jitCommand.Item1, jitCommand.Item2, options.Handler);
        var aot = new List<ColdStartSample>();
        var jit = new List<ColdStartSample>();
        for (var i = 0; i < options.Runs; i++)
        {
            aot.Add(await ColdStartRunner.MeasureAsync(aotCommand.Item1, aotCommand.Item2, options.Handler));
            jit.Add(await ColdStartRunner.MeasureAsync(jitCommand.Item1, jitCommand.Item2, options.Handler));
        }

        var size = new FileInfo(options.AotPath).Length;
        await output.WriteLineAsync(Report(options, aot, jit, size));
        return 0;
    }

    private static string Report(ColdStartOptions options, List<ColdStartSample> aot, List<ColdStartSample> jit, long size)
    {
        var c = CultureInfo.InvariantCulture;
        var (aotNext, aotResponse) = (Stats(aot, s => s.FirstNextMs), Stats(aot, s => s.FirstResponseMs));
        var (jitNext, jitResponse) = (Stats(jit, s => s.FirstNextMs), Stats(jit, s => s.FirstResponseMs));
        var speedUpNext = jitNext.Median / aotNext.Median;
        var speedUpResponse = jitResponse.Median / aotResponse.Median;
        var lines = new[]
        {
            string.Create(c, $"Cold start, handler '{options.Handler}', {options.Runs} runs each after 1 warm-up, {Environment.ProcessorCount} cores, {TimeProvider.System.GetUtcNow():u}"),
            "                 start → first next (median / p90)   start → first response (median / p90)",
            string.Create(c, $"AOT              {aotNext.Median,8:F1} / {aotNext.P90,6:F1} ms              {aotResponse.Median,8:F1} / {aotResponse.P90,6:F1} ms"),
            string.Create(c, $"JIT (dotnet dll) {jitNext.Median,8:F1} / {jitNext.P90,6:F1} ms              {jitResponse.Median,8:F1} / {jitResponse.P90,6:F1} ms"),
            string.Create(c, $"Speed-up (median): {speedUpNext:F1}× to first next, {speedUpResponse:F1}× to first response"),
            string.Create(c, $"AOT binary: {size / 1e6:F2} MB ({size:N0} bytes) {options.AotPath}"),
            string.Create(c, $"Goals: AOT ≤ {GoalFirstNextMs} ms to first next: {Verdict(aotNext.Median <= GoalFirstNextMs)}; "
                + $"≥ {GoalSpeedUp}× faster than JIT: {Verdict(speedUpNext >= GoalSpeedUp)}; binary ≤ 20 MB: {Verdict(size <= GoalBinaryBytes)}"),
        };
        return string.Join('\n', lines);
    }

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    private static (double Median, double P90) Stats(List<ColdStartSample> samples, Func<ColdStartSample, double> pick)
    {
        var sorted = samples.Select(pick).Order().ToArray();
        return (Percentile(sorted, 0.5), Percentile(sorted, 0.9));
    }

    /// <summary>Linear interpolation between closest ranks.</summary>
    private static double Percentile(double[] sorted, double p)
    {
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }
}
