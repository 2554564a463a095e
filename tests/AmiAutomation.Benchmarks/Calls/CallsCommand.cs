namespace AmiAutomation.Benchmarks.Calls;

/// <summary><c>calls</c>: EC2 calls per inventory and per expire sweep for several fleet sizes, against the formula.</summary>
internal static class CallsCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        var (options, problems) = CallsOptions.Parse(args);
        if (options is null)
        {
            foreach (var problem in problems)
            {
                await output.WriteLineAsync("calls: " + problem);
            }

            await output.WriteLineAsync("usage: " + CallsOptions.Usage);
            return 2;
        }

        var results = new List<CallsResult>();
        foreach (var count in options.ImageCounts)
        {
            await output.WriteLineAsync($"calls: {count:N0} images (seed {options.Seed}) ...");
            results.Add(await CallsMeasurement.RunAsync(count, options.Seed));
        }

        await output.WriteLineAsync(CallsReport.Render(results));
        return results.SelectMany(CallsReport.Verdicts).Any(v => v.EndsWith("MISSED", StringComparison.Ordinal)) ? 1 : 0;
    }
}
