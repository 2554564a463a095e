using AmiAutomation.Core.References;
using BenchmarkDotNet.Attributes;

namespace AmiAutomation.Benchmarks.Planning;

/// <summary>Building the <see cref="ReferenceIndex"/> the inventory reader hands the planners: 1,000,000 references to
/// 100,000 images (part of every sweep, measured apart from planning).</summary>
[Config(typeof(OneCoreConfig))]
public class ReferenceIndexBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    private List<ImageReference> _references = null!;

    [Params(100_000)]
    public int Images { get; set; }

    [Params(1_000_000)]
    public int References { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _references = SyntheticInventory.References(SyntheticInventory.Images(Images, random, Now), References, random);
    }

    [Benchmark]
    public ReferenceIndex Build() => new(_references);
}
