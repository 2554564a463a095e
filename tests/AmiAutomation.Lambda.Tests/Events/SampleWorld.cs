using System.Text.Json;
using System.Text.RegularExpressions;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Copy;
using AmiAutomation.Functions.Deprecate;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Restore;
using AmiAutomation.Lambda.Tests.Support;
using AmiAutomation.Simulation.Seeding;
using static AmiAutomation.Lambda.Tests.Support.SimulatedStack;

namespace AmiAutomation.Lambda.Tests.Events;

/// <summary>
/// Seeds a <see cref="SimulatedStack"/> with what a sample event talks about, read from the event itself (every AMI id
/// in it, <c>name</c>, <c>family</c>/<c>families</c>, the event's <c>region</c> and <c>detail.State</c>), so that a new
/// sample file runs against a world where it means something — not against an empty account.
/// </summary>
internal static partial class SampleWorld
{
    private const string DefaultFamily = "web-server";
    private const string DefaultName = "web-server-2026-01-15";

    /// <summary>Seeds the world for <paramref name="handler"/>'s event and returns the region whose stack receives it.</summary>
    public static async Task<string> SeedAsync(SimulatedStack stack, string handler, JsonElement payload)
    {
        var region = payload.TryGetProperty("region", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : Home;
        var ids = ImageIds(payload).Distinct(StringComparer.Ordinal).ToList();
        switch (handler)
        {
            case DeprecateFunction.FunctionName or ExpireFunction.FunctionName:
                SeedSweep(stack, Strings(payload, "families") ?? [DefaultFamily], ids, deprecated: handler == ExpireFunction.FunctionName);
                break;
            case CopyFunction.FunctionName:
                SeedCopy(stack, region, ids, payload);
                break;
            case RestoreFunction.FunctionName:
                await SeedRecycleBinAsync(stack, ids, Strings(payload, "name")?.Single() ?? DefaultName, Strings(payload, "family")?.Single() ?? DefaultFamily);
                break;
            default:
                throw new InvalidOperationException($"No sample world for '{handler}' events: add one to {nameof(SampleWorld)}.");
        }

        return region;
    }

    /// <summary>Per family: three old images (for expire deprecated long ago) and three recent ones; each named id an
    /// old image too.</summary>
    private static void SeedSweep(SimulatedStack stack, IReadOnlyList<string> families, IReadOnlyList<string> ids, bool deprecated)
    {
        foreach (var family in families.Append("unselected-family"))
        {
            Generation(stack, family, deprecated: deprecated);
        }

        foreach (var id in ids)
        {
            stack.Ec2.AddImage(Home, Old("picked", "picked-" + id, deprecated).WithId(id));
        }

        if (ids.Count > 0)
        {
            Generation(stack, "picked", oldImages: 0);
        }
    }

    /// <summary>An id in the stack's region is a new source to copy; in another region, a copy made from here
    /// (available or failed, as the event says). No id (reconcile): one source waiting for its copy.</summary>
    private static void SeedCopy(SimulatedStack stack, string region, IReadOnlyList<string> ids, JsonElement payload)
    {
        var state = payload.TryGetProperty("detail", out var detail) && detail.TryGetProperty("State", out var s) ? s.GetString() : "available";
        if (ids.Count == 0)
        {
            stack.Ec2.AddImage(Home, Source("web-server-2026-03-04"));
        }

        foreach (var id in ids)
        {
            if (region == Home)
            {
                stack.Ec2.AddImage(Home, Source("web-server-" + id).WithId(id));
                continue;
            }

            var source = stack.Ec2.AddImage(Home, Source("web-server-" + id));
            var copy = new ImageBuilder().WithId(id).Named("web-server-" + id).WithSnapshot(8).CopiedFrom(source, Home)
                .Tagged(TagNames.SourceImage, source).Tagged(TagNames.SourceRegion, Home).Tagged(TagNames.ManagedBy, TagNames.ManagedByValue);
            stack.Ec2.AddImage(region, state == "failed" ? copy.Failed("Client.InvalidKMSKey.InvalidState: the KMS key is not usable") : copy);
        }
    }

    /// <summary>The named images (or one, if the event names none) retired by the expire function itself: ledger
    /// record, Recycle Bin tags, DeregisterImage with their snapshots.</summary>
    private static async Task SeedRecycleBinAsync(SimulatedStack stack, IReadOnlyList<string> ids, string name, string family)
    {
        var retired = new List<string>();
        foreach (var (id, i) in (ids.Count == 0 ? [null] : ids.Select(id => (string?)id)).Select((id, i) => (id, i)))
        {
            var builder = Old(family, i == 0 ? name : $"{name}-{i}").WithSnapshot(16).Tagged("team", "web");
            retired.Add(stack.Ec2.AddImage(Home, id is null ? builder : builder.WithId(id)));
        }

        Generation(stack, family, oldImages: 0);
        var expire = stack.Create(ExpireFunction.FunctionName);
        var summary = await stack.SweepAsync(expire, JsonSerializer.Serialize(
            new ManualSweepInput { Source = "manual", DryRun = false, ImageIds = retired }, FunctionsJsonContext.Default.ManualSweepInput));
        var notBinned = retired.Where(id => !stack.Ec2.IsImageInRecycleBin(Home, id)).ToList();
        if (notBinned.Count > 0)
        {
            throw new InvalidOperationException(
                $"Seeding failed: expire did not put {string.Join(", ", notBinned)} in the Recycle Bin: {string.Join("; ", summary.Decisions.Select(d => $"{d.ImageId} {d.Outcome} {d.Reason}"))}");
        }
    }

    private static void Generation(SimulatedStack stack, string family, int oldImages = 3, bool deprecated = true)
    {
        for (var i = 0; i < oldImages; i++)
        {
            stack.Ec2.AddImage(Home, Old(family, $"{family}-old-{i}", deprecated));
        }

        foreach (var days in new[] { 30, 20, 10 })
        {
            stack.Ec2.AddImage(Home, new ImageBuilder().Named($"{family}-new-{days}").Tagged(TagNames.Family, family).CreatedDaysAgo(days).WithSnapshot(8));
        }
    }

    private static ImageBuilder Old(string family, string name, bool deprecated = true)
    {
        var image = new ImageBuilder().Named(name).Tagged(TagNames.Family, family).CreatedDaysAgo(200).WithSnapshot(8);
        return deprecated ? image.DeprecatedAt(Start.AddDays(-60)) : image;
    }

    private static ImageBuilder Source(string name) =>
        new ImageBuilder().Named(name).Tagged(TagNames.Family, DefaultFamily).Tagged(TagNames.CopyTo, UsEast)
            .CreatedAgo(TimeSpan.FromHours(1)).WithSnapshot(8).SharedWithAccount("444455556666");

    private static IEnumerable<string> ImageIds(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => ImageIds(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(ImageIds),
        JsonValueKind.String when ImageIdPattern().IsMatch(element.GetString()!) => [element.GetString()!],
        _ => [],
    };

    private static IReadOnlyList<string>? Strings(JsonElement payload, string property) =>
        !payload.TryGetProperty(property, out var value) ? null
        : value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(v => v.GetString()!)]
        : [value.GetString()!];

    [GeneratedRegex("^ami-[0-9a-f]{8,17}$", RegexOptions.CultureInvariant)]
    private static partial Regex ImageIdPattern();
}
