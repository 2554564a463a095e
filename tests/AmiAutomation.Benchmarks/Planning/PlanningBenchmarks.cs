using AmiAutomation.Core.Deprecation;
using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using BenchmarkDotNet.Attributes;

namespace AmiAutomation.Benchmarks.Planning;

/// <summary>Goal: planning 100,000 images with 1,000,000 references in under 1 s on one core (the inventory, and so its
/// <see cref="Core.References.ReferenceIndex"/>, is built once in setup; see <see cref="ReferenceIndexBenchmarks"/>).</summary>
[Config(typeof(OneCoreConfig))]
public class PlanningBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    private static readonly DeprecationPolicy DeprecationPolicy = new() { MaxAgeDays = 90, MinNewerImages = 3, KeepNewest = 2 };

    private static readonly ExpiryPolicy ExpiryPolicy = new() { DeprecatedForDays = 30, RetentionDays = 365, KeepNewest = 3, MaxDeregistrationsPerRun = 1000 };

    private InventorySnapshot _inventory = null!;

    [Params(100_000)]
    public int Images { get; set; }

    [Params(1_000_000)]
    public int References { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _inventory = SyntheticInventory.Build(Images, References, seed: 7, Now);

        // A plan that decides nothing would make a fast, meaningless figure: check both planners have work to do.
        var deprecation = Deprecation();
        var expiry = Expiry();
        if (!deprecation.Actions.Any() || !expiry.Actions.Any() || deprecation.Decisions.Count != Images || expiry.Decisions.Count != Images)
        {
            throw new InvalidOperationException(
                $"The synthetic inventory gives {deprecation.Actions.Count()} deprecations and {expiry.Actions.Count()} deregistrations "
                + $"over {deprecation.Decisions.Count}/{expiry.Decisions.Count} decisions; both planners must decide all {Images} images and act on some.");
        }
    }

    [Benchmark]
    public Plan Deprecation() => DeprecationPlanner.Plan(_inventory, DeprecationPolicy, PlanSelection.All, Now);

    [Benchmark]
    public Plan Expiry() => ExpiryPlanner.Plan(_inventory, ExpiryPolicy, PlanSelection.All, Now);
}
