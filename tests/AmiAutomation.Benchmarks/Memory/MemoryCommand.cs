using System.Globalization;
using AmiAutomation.Aws.Mapping;
using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.References;

namespace AmiAutomation.Benchmarks.Memory;

/// <summary>
/// <c>memory [--images 50000]</c>: live heap the sweep holds per image, in process (not RSS; the bootstrap's RSS is
/// tests/bench/bootstrap_rss.py). Maps DescribeImages pages of 1,000 fresh SDK images as <c>ImageSource</c> does
/// (one <see cref="StringPool"/> for the read, each page dropped after mapping), then plans expiry over them, and
/// reports the bytes still reachable after a full blocking collection at each step.
/// </summary>
internal static class MemoryCommand
{
    private const int PageSize = 1000;
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        var images = args is ["--images", var n] && int.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : 50_000;
        var start = LiveBytes();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var pool = new StringPool();
        var mapped = new List<AmiImage>(images);
        long peakPageBytes = 0;
        for (var first = 0; first < images; first += PageSize)
        {
            var page = SdkImagePages.Page(first, Math.Min(PageSize, images - first));
            if (first == 0)
            {
                peakPageBytes = LiveBytes() - start;
            }

            foreach (var image in page)
            {
                mapped.Add(Ec2ImageMapper.ToAmiImage(image, "eu-west-1", pool));
            }
        }

        var pooled = pool.Count;
        pool = null;
        var inventoryBytes = LiveBytes() - start;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var inventory = new InventorySnapshot("eu-west-1", "123456789012", mapped, ReferenceIndex.Empty, []);
        var plan = ExpiryPlanner.Plan(
            inventory,
            new ExpiryPolicy { DeprecatedForDays = 30, RetentionDays = 365, KeepNewest = 3, MaxDeregistrationsPerRun = 10 },
            PlanSelection.All,
            Now);
        var planBytes = LiveBytes() - start - inventoryBytes;

        output.WriteLine(FormattableString.Invariant($"memory: {images:N0} images, {mapped.Count:N0} mapped, {plan.Decisions.Count:N0} decisions, {pooled:N0} pooled strings"));
        output.WriteLine(FormattableString.Invariant($"  one SDK page of {PageSize:N0} images (transient): {peakPageBytes / 1024.0 / 1024:F1} MiB"));
        output.WriteLine(FormattableString.Invariant($"  mapping allocated in total: {allocated / 1024.0 / 1024:F1} MiB"));
        output.WriteLine(FormattableString.Invariant($"  inventory images retained: {inventoryBytes / 1024.0 / 1024:F1} MiB = {inventoryBytes / (double)images:F0} bytes per image"));
        output.WriteLine(FormattableString.Invariant($"  expiry plan retained on top: {planBytes / 1024.0 / 1024:F1} MiB = {planBytes / (double)images:F0} bytes per image"));
        GC.KeepAlive(plan);
        GC.KeepAlive(mapped);
        return Task.FromResult(0);
    }

    private static long LiveBytes()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }
}
