using System.Diagnostics;
using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Benchmarks.Simulated;
using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Simulation.Seeding;
using AmiAutomation.Simulation.Throttling;

namespace AmiAutomation.Benchmarks.Throttle;

/// <summary>
/// n live deregistrations under EC2's token buckets. Setup: the inventory read and the plan made as the expire function
/// does (ExpiryPlanner, cap = n). Measured: the simulator's throttling on (real bucket sizes, per action, full), the real
/// <see cref="Ec2PlanExecutor"/> (dry-run off, re-check before each call, the expire function's own guard: ledger record,
/// Recycle Bin tags, Recycle Bin check after the first) with the client-side <see cref="Ec2RateLimiter"/> at EC2's
/// documented limits. The limiter and the simulator share one clock: a <see cref="VirtualClock"/> (waits fast-forwarded,
/// code and simulated calls take no simulated time) or the system clock (real waits, real compute).
/// </summary>
internal static class ThrottleRun
{
    public static async Task<ThrottleResult> RunAsync(ThrottleOptions options)
    {
        var limit = Ec2RateLimits.Documented.For(Ec2ActionClass.Deregister);
        var (burst, refill) = BucketLimits.For(ThrottleBucket.Destructive);
        if (limit.Capacity != burst || Math.Abs(limit.RefillPerSecond - refill) > 1e-9)
        {
            throw new InvalidOperationException($"The limiter's DeregisterImage bucket ({limit.Capacity}, {limit.RefillPerSecond}/s) differs from the simulator's ({burst}, {refill}/s).");
        }

        var virtualClock = options.RealTime ? null : new VirtualClock(SimulatedAccount.Start);
        TimeProvider clock = virtualClock ?? TimeProvider.System;
        var account = new SimulatedAccount(clock);
        var n = options.Deregistrations;
        ExpiredFleet.Seed(account.Simulator, SimulatedAccount.Region, n, clock.GetUtcNow());
        account.Simulator.AddRecycleBinRule(SimulatedAccount.Region, new RecycleBinRule(RecycleBinResourceType.Ec2Image, 30));

        // Setup, not measured: the inventory and the plan, as the expire function makes them (throttling still off).
        var policy = new ExpiryPolicy { DeprecatedForDays = 30, KeepNewest = ExpiredFleet.KeptPerFamily, MaxDeregistrationsPerRun = n };
        var reader = new Ec2InventoryReader(account.Clients, account.Apis, new Ec2RateLimiterRegistry(clock));
        var inventory = await RunAsync(virtualClock, () => reader.ReadAsync(SimulatedAccount.Region, new InventoryOptions { AccountId = SimulatedAccount.AccountId }, CancellationToken.None));
        var plan = ExpiryPlanner.Plan(inventory, policy, PlanSelection.All, clock.GetUtcNow());
        var planned = plan.Decisions.Count(d => d.Action == DecisionAction.Deregister);
        if (!inventory.IsComplete || planned != n)
        {
            throw new InvalidOperationException($"Expected a complete inventory and {n} planned deregistrations; got complete={inventory.IsComplete} and {planned}.");
        }

        // Measured: EC2's buckets full and throttling on, a fresh client-side limiter (also full), the real executor.
        account.StartMeasuring();
        var limiters = new Ec2RateLimiterRegistry(clock);
        var client = account.Simulator.ClientFor(SimulatedAccount.Region);
        var guard = new ExpiryGuard(
            account.Ledger,
            new LedgerRecordFactory(client, clock, TimeSpan.FromDays(30)),
            new RecycleBinTagger(client),
            new RecycleBinSafety(
                account.Ledger,
                () => new AmiAutomation.Simulation.Services.SimulatedRegionalApiClients(account.Simulator).RecycleBinRules(SimulatedAccount.Region),
                client,
                new RecycleBinVerifier(client, clock, TimeSpan.FromSeconds(30)),
                clock,
                SimulatedAccount.Region,
                "throttle-figure"),
            clock,
            "throttle-figure");
        var execution = new ExecutionOptions
        {
            DryRun = false,
            MaxDestructiveActions = n,
            AccountId = SimulatedAccount.AccountId,
            Protection = policy.ToProtectionOptions(),
            Guard = guard,
        };
        var executor = new Ec2PlanExecutor(account.Clients, account.Apis, limiters, clock);
        var start = clock.GetUtcNow();
        var wall = Stopwatch.StartNew();
        var outcomes = await RunAsync(virtualClock, () => executor.ExecuteAsync(plan, execution, CancellationToken.None));
        wall.Stop();
        var end = clock.GetUtcNow();

        var deregisterCalls = account.Simulator.Calls.All.Where(c => c.Action == "DeregisterImage").ToList();
        return new ThrottleResult
        {
            RealTime = options.RealTime,
            Deregistrations = n,
            Burst = burst,
            RefillPerSecond = refill,
            Outcomes = outcomes.GroupBy(o => o.Status.ToString()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            DeregisterCalls = deregisterCalls.Count,
            CallsByAction = account.Simulator.Calls.CountsByAction,
            FailedCalls = Failures(account),
            FailedDeregisterCalls = [.. deregisterCalls
                .Select((call, index) => (Call: call, Position: index + 1))
                .Where(x => x.Call.ErrorCode is not null)
                .Select(x => (x.Position, (x.Call.At - deregisterCalls[0].At).TotalSeconds))],
            FirstToLast = deregisterCalls.Count > 1 ? deregisterCalls[^1].At - deregisterCalls[0].At : TimeSpan.Zero,
            Execution = end - start,
            Wall = wall.Elapsed,
            LedgerWrites = account.Ledger.WriteCount,
        };
    }

    private static Task<T> RunAsync<T>(VirtualClock? clock, Func<Task<T>> work) => clock is null ? work() : clock.RunAsync(work);

    /// <summary>The failed calls logged so far, "action errorCode" → count.</summary>
    private static Dictionary<string, int> Failures(SimulatedAccount account)
    {
        var into = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var call in account.Simulator.Calls.All.Where(c => c.ErrorCode is not null))
        {
            var key = $"{call.Action} {call.ErrorCode}";
            into[key] = into.GetValueOrDefault(key) + 1;
        }

        return into;
    }
}
