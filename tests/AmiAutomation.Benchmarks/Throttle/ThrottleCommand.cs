namespace AmiAutomation.Benchmarks.Throttle;

/// <summary><c>throttle</c>: deregistration throughput under EC2's token buckets with the client-side rate limiter.</summary>
internal static class ThrottleCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        var (options, problems) = ThrottleOptions.Parse(args);
        if (options is null)
        {
            foreach (var problem in problems)
            {
                await output.WriteLineAsync("throttle: " + problem);
            }

            await output.WriteLineAsync("usage: " + ThrottleOptions.Usage);
            return 2;
        }

        await output.WriteLineAsync($"throttle: {options.Deregistrations} deregistrations, {(options.RealTime ? "real time" : "virtual clock")} ...");
        var result = await ThrottleRun.RunAsync(options);
        await output.WriteLineAsync(ThrottleReport.Render(result));
        return result.Met ? 0 : 1;
    }
}
