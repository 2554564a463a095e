using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.References;
using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Benchmarks.Planning;

/// <summary>A large, seeded inventory for planning benchmarks: weekly builds of many families over years, with a
/// heavy reference load (instances and launch-template versions) concentrated on recent images.</summary>
internal static class SyntheticInventory
{
    public const string Account = "123456789012";
    public const string Region = "eu-west-1";

    public static InventorySnapshot Build(int images, int references, int seed, DateTimeOffset now)
    {
        var random = new Random(seed);
        var families = Math.Max(1, images / 50);
        var list = new List<AmiImage>(images);
        for (var i = 0; i < images; i++)
        {
            var family = $"family-{i % families:D5}";
            var created = now.AddDays(-random.Next(1, 1500)).AddMinutes(-random.Next(0, 1440));
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
                Snapshots = [new SnapshotInfo($"snap-{i:x17}", 8 + (i % 5) * 8, "/dev/xvda")],
            });
        }

        var refs = new List<ImageReference>(references);
        for (var r = 0; r < references; r++)
        {
            // Skewed towards recent image indices, like real fleets.
            var target = (int)(images * Math.Pow(random.NextDouble(), 3));
            var kind = r % 4 == 0 ? ReferenceKind.LaunchTemplateVersion : ReferenceKind.Instance;
            refs.Add(new ImageReference(list[target].ImageId, kind, kind == ReferenceKind.Instance ? $"i-{r:x17}" : $"lt-{r / 10:x17}:{r % 10}"));
        }

        var sources = Enum.GetValues<InventorySource>()
            .Select(s => new SourceReport(s, SourceStatus.Complete, s == InventorySource.Images ? images : references, 1))
            .ToList();
        return new InventorySnapshot(Region, Account, list, new ReferenceIndex(refs), sources);
    }
}
