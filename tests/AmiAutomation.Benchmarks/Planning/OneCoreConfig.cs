using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AmiAutomation.Benchmarks.Planning;

/// <summary>
/// A short job pinned to one core (the planners are single-threaded; the GC's background thread shares that core too):
/// 1 launch, 2 warm-ups, 8 measured iterations; mean, median, min, max and allocated bytes per operation. In process:
/// on a loaded machine BenchmarkDotNet's build of a separate project exceeds its 2-minute timeout.
/// </summary>
public sealed class OneCoreConfig : ManualConfig
{
    public OneCoreConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(8)
            .WithAffinity(new IntPtr(1))
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("OneCore"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
    }
}
