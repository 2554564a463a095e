using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.References;
using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Benchmarks.Planning;

/// <summary>A large, seeded inventory for planning benchmarks: builds of many families spread over four years, with a
/// heavy reference load (instances and launch-template versions) concentrated on recent images.</summary>
internal static class SyntheticInventory
{
    public const string Account = "123456789012";
    public const string Region = "eu-west-1";

    public static InventorySnapshot Build(int images, int references, int seed, DateTimeOffset now)
    {
        var random = new Random(seed);
        var list = Images(images, random, now);
        var sources = Enum.GetValues<InventorySource>()
            .Select(s => new SourceReport(s, SourceStatus.Complete, s == InventorySource.Images ? images : references, 1))
            .ToList();
        return new InventorySnapshot(Region, Account, list, new ReferenceIndex(References(list, references, random)), sources);
    }

    /// <summary>Image <c>i</c> is about <c>i / count × 1500</c> days old (index 0 is the newest); family <c>i mod
    /// families</c>, so every family has about 50 builds spread over the whole period.</summary>
    public static List<AmiImage> Images(int count, Random random, DateTimeOffset now)
    {
        var families = Math.Max(1, count / 50);
        var list = new List<AmiImage>(count);
        for (var i = 0; i < count; i++)
        {
            var family = $"family-{i % families:D5}";
            var created = now.AddDays(-(1 + (1499.0 * i / count))).AddMinutes(-random.Next(0, 1440));
            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            if (i % 3 == 0)
            {
                tags[TagNames.Family] = family;
            }

            if (i % 97 == 0)
            {
                tags[TagNames.Keep] = "true";
            }

            list.Add(new AmiImage
            {
                ImageId = $"ami-{i:x17}",
                Region = Region,
                Name = $"{family}-{created:yyyyMMddHHmm}",
                OwnerId = Account,
                CreationDate = created,
                State = i % 211 == 0 ? ImageState.Disabled : ImageState.Available,
                DeprecationTime = i % 5 == 0 ? created.AddDays(random.Next(30, 400)) : null,
                LastLaunchedTime = i % 4 == 0 ? now.AddDays(-random.Next(0, 400)) : null,
                Tags = tags,
                Snapshots = [new SnapshotInfo($"snap-{i:x17}", 8 + (i % 5 * 8), "/dev/xvda")],
            });
        }

        return list;
    }

    /// <summary>References skewed towards recent images (low indices), like real fleets: 3 in 4 from instances, 1 in 4
    /// from launch-template versions.</summary>
    public static List<ImageReference> References(IReadOnlyList<AmiImage> images, int count, Random random)
    {
        var refs = new List<ImageReference>(count);
        for (var r = 0; r < count; r++)
        {
            var target = (int)(images.Count * Math.Pow(random.NextDouble(), 3));
            var kind = r % 4 == 0 ? ReferenceKind.LaunchTemplateVersion : ReferenceKind.Instance;
            refs.Add(new ImageReference(images[target].ImageId, kind, kind == ReferenceKind.Instance ? $"i-{r:x17}" : $"lt-{r / 10:x17}:{r % 10}"));
        }

        return refs;
    }
}
