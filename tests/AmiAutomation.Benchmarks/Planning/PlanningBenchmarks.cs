using AmiAutomation.Core.Deprecation;
using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using BenchmarkDotNet.Attributes;

namespace AmiAutomation.Benchmarks.Planning;

/// <summary>Goal (issue 3): planning 100,000 images with 1,000,000 references in under 1 s on one core.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class PlanningBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    private InventorySnapshot _inventory = null!;

    [Params(100_000)]
    public int Images { get; set; }

    [Params(1_000_000)]
    public int References { get; set; }

    [GlobalSetup]
    public void Setup() => _inventory = SyntheticInventory.Build(Images, References, seed: 7, Now);

    [Benchmark]
    public Plan Deprecation() =>
        DeprecationPlanner.Plan(_inventory, new DeprecationPolicy { MaxAgeDays = 90, MinNewerImages = 3, KeepNewest = 2 }, PlanSelection.All, Now);

    [Benchmark]
    public Plan Expiry() =>
        ExpiryPlanner.Plan(_inventory, new ExpiryPolicy { DeprecatedForDays = 30, RetentionDays = 365, KeepNewest = 3, MaxDeregistrationsPerRun = 1000 }, PlanSelection.All, Now);
}
