using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Composition;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.Runtime.Logging;
using AmiAutomation.Runtime.Metrics;
using AmiAutomation.Simulation;
using AmiAutomation.Simulation.Fleet;
using AmiAutomation.Simulation.Ledger;

namespace AmiAutomation.Benchmarks.SweepHost;

/// <summary>
/// Builds the fleet in the simulator (in this process), then runs the real expire function once through
/// <see cref="ILambdaFunction.InvokeAsync"/> as the bootstrap's invocation loop does: JSON logs rendered by the
/// runtime's logger (written to a null writer), metrics flushed as EMF (null writer), a 15-minute deadline token.
/// </summary>
internal static class SweepMeasurement
{
    public const string Region = "eu-west-1";
    public const string AccountId = "123456789012";
    public const long GoalBytes = 128L * 1024 * 1024;

    public static async Task<int> RunAsync(SweepHostOptions options, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var time = TimeProvider.System;
        var atStart = ProcessMemory.CurrentBytes;
        var simulator = new Ec2Simulator(time, new SimulatorOptions { AccountId = AccountId });
        var build = Stopwatch.StartNew();
        var fleet = FleetGenerator.Generate(simulator, new FleetOptions { ImageCount = options.Images, Regions = [Region], Seed = options.Seed });
        build.Stop();
        var peakDuringBuild = ProcessMemory.PeakBytes;

        // The generator's garbage would not exist in a Lambda sandbox: collect it so the fleet's live state is the base.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var afterFleet = ProcessMemory.CurrentBytes;
        var heapAfterFleet = GC.GetGCMemoryInfo().HeapSizeBytes;
        var peakReset = ProcessMemory.TryResetPeak();

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var (summary, sweep) = await InvokeExpireAsync(simulator, options, time);
        var peak = ProcessMemory.PeakBytes;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var collections = string.Join("/", Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]));
        GC.KeepAlive(simulator);
        var share = peak - afterFleet;
        var met = peak < GoalBytes;
        var mode = options.Live ? "live" : "dry-run";
        string[] lines =
        [
            string.Create(c, $"sweep-host: expire ({mode}) over {fleet.Images:N0} simulated images, rate limits {(options.DocumentedRateLimits ? "EC2 documented" : "unlimited")}, {Environment.ProcessorCount} cores, {time.GetUtcNow():u}"),
            string.Create(c, $"RSS at start {ProcessMemory.Megabytes(atStart)}; fleet built in {build.Elapsed.TotalSeconds:F1} s (peak RSS while building {ProcessMemory.Megabytes(peakDuringBuild)}); after a full GC: RSS {ProcessMemory.Megabytes(afterFleet)}, GC heap {ProcessMemory.Megabytes(heapAfterFleet)} (fleet: {fleet.Snapshots:N0} snapshots, {fleet.Instances:N0} instances, {fleet.LaunchTemplateVersions:N0} launch template versions)"),
            string.Create(c, $"sweep: {sweep.TotalSeconds:F1} s; {summary.TotalDecisions:N0} decisions; outcomes {string.Join(", ", summary.Outcomes.Select(kv => $"{kv.Key} {kv.Value}"))}; failed sources {summary.FailedSources.Count}; completed {summary.Completed}"),
            string.Create(c, $"sweep allocated {ProcessMemory.Megabytes(allocated)} in total; GC collections gen0/1/2 during the sweep {collections}; GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, {System.Runtime.GCSettings.LatencyMode}, memory available to the GC {ProcessMemory.Megabytes(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)}"),
            string.Create(c, $"peak RSS during the sweep {ProcessMemory.Megabytes(peak)} ({(peakReset ? "VmHWM reset after the fleet was built" : "VmHWM could NOT be reset: peak since process start")}); sweep's share above the fleet ≈ {ProcessMemory.Megabytes(share)}"),
            string.Create(c, $"| {mode} | {fleet.Images:N0} | {ProcessMemory.Megabytes(afterFleet)} | {ProcessMemory.Megabytes(peak)} | {ProcessMemory.Megabytes(share)} | {sweep.TotalSeconds:F1} s | < 128 MiB: {(met ? "met" : "MISSED")} |"),
        ];
        foreach (var line in lines)
        {
            await output.WriteLineAsync(line);
        }

        return met && summary.FailedSources.Count == 0 ? 0 : 1;
    }

    private static async Task<(RunSummary Summary, TimeSpan Duration)> InvokeExpireAsync(Ec2Simulator simulator, SweepHostOptions options, TimeProvider time)
    {
        var environment = new DictionaryEnvironmentVariables(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CommonSettings.LedgerTableNameVariable] = "ami-ledger",
            [CommonSettings.DryRunVariable] = options.Live ? "false" : "true",
        });
        var services = new FunctionServices
        {
            Region = Region,
            Ec2 = simulator.ClientFactory,
            Apis = new AmiAutomation.Simulation.Services.SimulatedRegionalApiClients(simulator),
            Ledger = new InMemoryDeregistrationLedger(),
            RunLease = new InMemoryRunLease(),
            Time = time,
            Environment = environment,
        };
        var unlimited = new Ec2RateLimits(Enum.GetValues<Ec2ActionClass>().ToDictionary(a => a, _ => new TokenBucketLimit(1_000_000, 1_000_000)));
        ILambdaFunction function = new ExpireFunction(services, options.DocumentedRateLimits ? null : new Ec2RateLimiterRegistry(time, unlimited));

        var loggers = new LambdaLoggerProvider(new LambdaLoggerOptions { Output = TextWriter.Null, Service = "ami-automation", FunctionName = function.Name }, time);
        var metrics = new EmfMetricsWriter("AmiAutomation", "ami-automation", TextWriter.Null, time);
        var deadline = time.GetUtcNow().AddMinutes(15);
        using var cancellation = new CancellationTokenSource(DeadlineMarginPolicy.Default.CancelAfter(TimeSpan.FromMinutes(15)), time);
        var recorder = new MetricsRecorder();
        var context = new InvocationContext
        {
            RequestId = Guid.NewGuid().ToString(),
            FunctionName = function.Name,
            MemoryLimitInMb = 128,
            Deadline = deadline,
            CancellationToken = cancellation.Token,
            TimeProvider = time,
            Logger = loggers.CreateLogger(function.Name),
            Metrics = recorder,
        };

        var stopwatch = Stopwatch.StartNew();
        var result = await function.InvokeAsync("{}"u8.ToArray(), context);
        metrics.Write(recorder.Data);
        stopwatch.Stop();
        var summary = JsonSerializer.Deserialize(result ?? [], FunctionsJsonContext.Default.RunSummary)
            ?? throw new InvalidOperationException("The expire function returned no summary.");
        return (summary, stopwatch.Elapsed);
    }
}
