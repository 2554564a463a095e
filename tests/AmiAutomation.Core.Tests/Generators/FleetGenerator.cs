using System.Globalization;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.References;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Core.Tests.Support;
using CsCheck;

namespace AmiAutomation.Core.Tests.Generators;

/// <summary>
/// Random single-region fleets at <see cref="TestImages.Now"/>: families, ages over five years (with equal creation
/// dates), every state, references of every <see cref="ReferenceKind"/>, keep and keep-until tags (future, past,
/// unreadable), expires-at tags, deregistration protection, managers, public, instance store, deprecation times in the
/// past and future, last launches, same-region and cross-region copies (including chains and cycles) and, optionally,
/// failed, truncated or disabled sources.
/// </summary>
internal static class FleetGenerator
{
    public static readonly string[] FamilyNames = ["web", "api", "batch", "db", "edge"];

    private const int MinutesPerDay = 24 * 60;

    private static readonly Gen<ImageState> State = Gen.Frequency(
        (16, Gen.Const(ImageState.Available)), (6, Gen.Const(ImageState.Disabled)), (2, Gen.Const(ImageState.Pending)),
        (1, Gen.Const(ImageState.Failed)), (1, Gen.Const(ImageState.Other)));

    private static readonly Gen<ImageManager> Manager = Gen.Frequency(
        (14, Gen.Const(ImageManager.Nobody)), (3, Gen.Const(ImageManager.Us)), (1, Gen.Const(ImageManager.DataLifecycleManager)),
        (1, Gen.Const(ImageManager.AwsBackup)), (1, Gen.Const(ImageManager.ImageBuilder)));

    private static readonly Gen<int> AgeMinutes = Gen.Frequency(
        (4, Gen.Int[0, 5 * 365 * MinutesPerDay]),
        (2, Gen.Int[0, 60 * MinutesPerDay]),
        (1, Gen.Int[0, 4].Select(i => i * 100 * MinutesPerDay)));

    private static readonly Gen<string?> Keep = Gen.Frequency(
        (14, Gen.Const(default(string))), (1, Gen.Const((string?)"true")), (1, Gen.Const((string?)"false")),
        (1, Gen.Const((string?)"")), (1, Gen.Const((string?)" FALSE ")));

    /// <summary>0 none, 1 future, 2 past, 3 unreadable, 4 date only (future or past), 5–6 extreme (see AddExtremeTimeTag).</summary>
    private static readonly Gen<int> TagTimeKind = Gen.Frequency((10, Gen.Const(0)), (2, Gen.Int[1, 4]), (1, Gen.Int[5, 6]));

    private static readonly Gen<int?> DeprecatedDaysAgo = Gen.Frequency(
        (5, Gen.Const(default(int?))), (4, Gen.Int[0, 400].Select(d => (int?)d)), (2, Gen.Int[-400, -1].Select(d => (int?)d)));

    private static readonly Gen<int?> LaunchedDaysAgo = Gen.Frequency(
        (4, Gen.Const(default(int?))), (2, Gen.Int[0, 40].Select(d => (int?)d)), (2, Gen.Int[41, 1000].Select(d => (int?)d)));

    private static Gen<bool> OneIn(int n) => Gen.Int[1, n].Select(i => i == 1);

    private static readonly Gen<ImageTraits> Traits = Gen.Select(
        Gen.Select(Gen.Int[0, FamilyNames.Length - 1], AgeMinutes, State, Manager, Gen.Frequency((15, Gen.Const(true)), (1, Gen.Const(false))), Keep, TagTimeKind, TagTimeKind),
        Gen.Select(OneIn(12), OneIn(10), OneIn(12), DeprecatedDaysAgo, LaunchedDaysAgo, OneIn(8),
            Gen.Frequency((8, Gen.Const(-1)), (2, Gen.Int[0, 200]), (1, Gen.Const(-2))),
            Gen.Frequency((8, Gen.Const(0)), (2, Gen.Int[1, 3]))),
        static (a, b) => new ImageTraits(
            a.Item1, a.Item2, a.Item3, a.Item4, a.Item5, a.Item6, a.Item7, a.Item8,
            b.Item1, b.Item2, b.Item3, b.Item4, b.Item5, b.Item6, b.Item7, b.Item8));

    private static readonly Gen<SourceStatus> Status = Gen.Frequency(
        (30, Gen.Const(SourceStatus.Complete)), (1, Gen.Const(SourceStatus.Failed)), (1, Gen.Const(SourceStatus.Truncated)), (1, Gen.Const(SourceStatus.Disabled)));

    private static readonly Gen<SourceReport[]> Sources =
        Status.Array[Enum.GetValues<InventorySource>().Length].Select(statuses =>
            statuses.Select((status, i) => new SourceReport((InventorySource)i, status, 10, 1, status == SourceStatus.Failed ? "Throttling" : null)).ToArray());

    /// <summary>Fleets whose sources are random (mostly complete).</summary>
    public static Gen<InventorySnapshot> Fleet { get; } = Gen.Select(Traits.Array[0, 60], Sources, Build);

    /// <summary>Fleets with at least one failed or truncated source.</summary>
    public static Gen<InventorySnapshot> IncompleteFleet { get; } = Gen.Select(
        Traits.Array[0, 60], Sources, Gen.Int[0, Enum.GetValues<InventorySource>().Length - 1], Gen.Bool,
        static (traits, sources, broken, truncated) =>
        {
            var damaged = sources.ToArray();
            damaged[broken] = damaged[broken] with { Status = truncated ? SourceStatus.Truncated : SourceStatus.Failed, Error = "broken" };
            return Build(traits, damaged);
        });

    /// <summary>Every kind of pin (instances, template versions, DescribeImageReferences, external pins, launch
    /// configurations, Spot requests, Spot Fleets): a new kind joins the property without a change here.</summary>
    private static readonly ReferenceKind[] ReferenceKinds = Enum.GetValues<ReferenceKind>();

    public static string ImageId(int index) => $"ami-{index:x6}";

    private static InventorySnapshot Build(ImageTraits[] traits, SourceReport[] sources)
    {
        var images = new List<AmiImage>(traits.Length);
        var references = new List<ImageReference>();
        for (var i = 0; i < traits.Length; i++)
        {
            var t = traits[i];
            var id = ImageId(i);
            var created = TestImages.Now.AddMinutes(-t.AgeMinutes);
            var family = FamilyNames[t.Family];
            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            if (t.Keep is not null)
            {
                tags[TagNames.Keep] = t.Keep;
            }

            AddTimeTag(tags, TagNames.KeepUntil, t.KeepUntil, t.AgeMinutes);
            AddTimeTag(tags, TagNames.ExpiresAt, t.ExpiresAt, t.AgeMinutes);
            var name = $"{family}-{created.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
            if (t.FamilyTag)
            {
                tags[TagNames.Family] = family;
                name = $"renamed-{i}";
            }

            if (t.CopyOf == -2)
            {
                tags[TagNames.SourceImage] = "ami-elsewhere";
                tags[TagNames.SourceRegion] = "us-east-1";
            }
            else if (t.CopyOf >= 0 && traits.Length > 1)
            {
                tags[TagNames.SourceImage] = ImageId(t.CopyOf % traits.Length);
            }

            images.Add(new AmiImage
            {
                ImageId = id,
                Region = TestImages.Region,
                Name = name,
                OwnerId = t.Owned ? TestImages.Account : TestImages.OtherAccount,
                CreationDate = created,
                State = t.State,
                DeprecationTime = t.DeprecatedDaysAgo is { } d ? TestImages.Now.AddDays(-d).AddMinutes(-(t.AgeMinutes % 1440)) : null,
                LastLaunchedTime = t.LaunchedDaysAgo is { } l ? TestImages.Now.AddDays(-l).AddMinutes(-(t.AgeMinutes % 600)) : null,
                IsPublic = t.Public && i % 2 == 0,
                LaunchPermissions = PublicThroughLaunchPermission(t, i),
                Tags = tags,
                DeregistrationProtected = t.DeregistrationProtected,
                ManagedBy = t.ManagedBy,
                RootDevice = t.InstanceStore ? RootDeviceKind.InstanceStore : RootDeviceKind.Ebs,
                ImageLocation = t.InstanceStore ? $"bucket/{id}.manifest.xml" : null,
            });

            for (var r = 0; r < t.References; r++)
            {
                references.Add(new ImageReference(id, ReferenceKinds[(i + r) % ReferenceKinds.Length], $"res-{i}-{r}"));
            }
        }

        return new InventorySnapshot(TestImages.Region, TestImages.Account, images, new ReferenceIndex(references), sources);
    }

    private static void AddTimeTag(Dictionary<string, string> tags, string key, int kind, int salt)
    {
        var offset = TimeSpan.FromMinutes(1 + (salt % (90 * MinutesPerDay)));
        switch (kind)
        {
            case 1:
                tags[key] = TagTime.Format(TestImages.Now + offset);
                break;
            case 2:
                tags[key] = TagTime.Format(TestImages.Now - offset);
                break;
            case 3:
                tags[key] = "someday";
                break;
            case 4:
                tags[key] = (salt % 2 == 0 ? TestImages.Now + offset : TestImages.Now - offset).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
            default:
                AddExtremeTimeTag(tags, key, kind, salt);
                break;
        }
    }

    /// <summary>Kinds 5 and 6: the far ends of what a tag can hold (9999-12-31 keeps forever, 0001-01-01 never did).</summary>
    private static void AddExtremeTimeTag(Dictionary<string, string> tags, string key, int kind, int salt)
    {
        if (kind == 5)
        {
            tags[key] = salt % 2 == 0 ? "9999-12-31T23:59:59Z" : "9999-12-31";
        }
        else if (kind == 6)
        {
            tags[key] = salt % 2 == 0 ? "0001-01-01T00:00:00Z" : "1970-01-01T00:00:00+14:00";
        }
    }

    /// <summary>Half the public images are public through a launch permission for group "all" rather than the flag.</summary>
    private static IReadOnlyList<LaunchPermission>? PublicThroughLaunchPermission(ImageTraits t, int index) =>
        t.Public && index % 2 == 1 ? [LaunchPermission.Public] : null;
}
