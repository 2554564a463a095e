using System.Diagnostics;
using System.Text.Json;
using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Benchmarks.Simulated;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Simulation.Fleet;

namespace AmiAutomation.Benchmarks.Calls;

/// <summary>
/// One fleet size: a generated fleet in one region, EC2 throttling on (real bucket sizes) and the client-side rate
/// limiter with EC2's documented buckets, both on one <see cref="VirtualClock"/> (so the paced duration is simulated,
/// not waited for). Counts the calls of <see cref="Ec2InventoryReader"/> alone, then of the real expire function
/// (production defaults, dry-run) invoked through <see cref="Runtime.Functions.ILambdaFunction.InvokeAsync"/>.
/// </summary>
internal static class CallsMeasurement
{
    public static async Task<CallsResult> RunAsync(int imageCount, int seed)
    {
        var clock = new VirtualClock(SimulatedAccount.Start);
        var account = new SimulatedAccount(clock);
        FleetGenerator.Generate(account.Simulator, new FleetOptions { ImageCount = imageCount, Regions = [SimulatedAccount.Region], Seed = seed });
        var census = await ReferenceCensus.TakeAsync(account.Simulator.ClientFor(SimulatedAccount.Region));

        account.StartMeasuring();
        var reader = new Ec2InventoryReader(account.Clients, account.Apis, new Ec2RateLimiterRegistry(clock));
        var (inventory, inventoryCalls) = await MeasureAsync(account, clock, () => reader.ReadAsync(SimulatedAccount.Region, InventoryOptions.Default, CancellationToken.None));

        // The next scheduled sweep: a new process (fresh limiter), EC2's buckets long refilled.
        account.StartMeasuring();
        var function = new ExpireFunction(account.Services(), new Ec2RateLimiterRegistry(clock));
        var (output, sweepCalls) = await MeasureAsync(account, clock, () => function.InvokeAsync("{}"u8.ToArray(), account.Invocation(function.Name)));
        var summary = JsonSerializer.Deserialize(output ?? [], FunctionsJsonContext.Default.RunSummary)
            ?? throw new InvalidOperationException("The expire function returned no summary.");
        if (!summary.DryRun || summary.FailedSources.Count > 0)
        {
            throw new InvalidOperationException($"The sweep over {imageCount} images was not a complete dry run (dry run {summary.DryRun}, {summary.FailedSources.Count} failed sources).");
        }

        return new CallsResult
        {
            Images = inventory.Images.Count,
            ImagesWithLastLaunched = inventory.Images.Count(i => i.LastLaunchedTime is not null),
            Census = census,
            Expected = ExpectedCalls.For(inventory.Images.Count, census),
            InventoryComplete = inventory.IsComplete,
            Inventory = inventoryCalls,
            Sweep = sweepCalls,
            Decisions = summary.TotalDecisions,
            Acted = summary.Counts.TryGetValue("Deregister", out var deregister) ? deregister.Values.Sum() : 0,
            Outcomes = summary.Outcomes,
        };
    }

    private static async Task<(T Result, PhaseCalls Calls)> MeasureAsync<T>(SimulatedAccount account, VirtualClock clock, Func<Task<T>> work)
    {
        var simulatedStart = clock.GetUtcNow();
        var wall = Stopwatch.StartNew();
        var result = await clock.RunAsync(work);
        wall.Stop();
        var calls = account.Simulator.Calls;
        return (result, new PhaseCalls(calls.CountsByAction, calls.All.Count(c => c.ErrorCode is not null && c.ErrorCode != "DryRunOperation"), clock.GetUtcNow() - simulatedStart, wall.Elapsed));
    }
}
