using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Simulation;
using AmiAutomation.Simulation.Seeding;

namespace AmiAutomation.Cli.Simulation;

/// <summary>
/// Makes a payload meaningful in a generated fleet: image ids, names and families it names (ids of a real account,
/// say) are added to the simulated region as images the function can act on — for <c>copy</c> a fresh build that
/// is tagged for copying, otherwise old, deprecated, unused builds of a family that has newer ones. Nothing the
/// fleet already holds is changed.
/// </summary>
internal static partial class PayloadAdopter
{
    public const string DefaultFamily = "event-images";

    /// <summary>Adds what <paramref name="payload"/> names. Returns the images named by id or name that were added,
    /// and every added image old enough to expire (those, plus the oldest builds of added families).</summary>
    public static (IReadOnlyList<string> Added, IReadOnlyList<string> Expirable) Adopt(
        Ec2Simulator simulator, string region, string otherRegion, string function, byte[] payload)
    {
        var (ids, names, families) = Named(payload);
        var added = new List<string>();
        var expirable = new List<string>();
        foreach (var family in families)
        {
            expirable.AddRange(AddFamily(simulator, region, family));
        }

        var target = families.FirstOrDefault() ?? DefaultFamily;
        if (ids.Count + names.Count > 0 && !families.Contains(target))
        {
            expirable.AddRange(AddFamily(simulator, region, target));
        }

        var age = 200;
        foreach (var id in ids.Where(id => simulator.FindImage(region, id) is null && !simulator.IsImageInRecycleBin(region, id)))
        {
            added.Add(function == "copy"
                ? simulator.AddImage(region, Fresh(simulator, target, otherRegion).WithId(id))
                : simulator.AddImage(region, Old(simulator, target, string.Create(CultureInfo.InvariantCulture, $"{target}-{simulator.Now.AddDays(-age):yyyy.MM.dd}"), age++).WithId(id)));
        }

        foreach (var name in names.Where(n => simulator.ListImages(region).All(i => i.Name != n)))
        {
            added.Add(simulator.AddImage(region, Old(simulator, target, name, age++)));
        }

        if (function != "copy")
        {
            expirable.AddRange(added);
        }

        return (added, expirable);
    }

    /// <summary>Five builds, 150 to 7 days old; returns the two oldest (deprecated long ago).</summary>
    private static List<string> AddFamily(Ec2Simulator simulator, string region, string family)
    {
        var old = new List<string>();
        if (simulator.ListImages(region).Any(i => i.Tags?.Any(t => t.Key == TagNames.Family && t.Value == family) == true))
        {
            return old;
        }

        foreach (var days in new[] { 150, 120, 90, 30, 7 })
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{family}-{simulator.Now.AddDays(-days):yyyy.MM.dd}");
            if (days >= 120)
            {
                old.Add(simulator.AddImage(region, Old(simulator, family, name, days)));
            }
            else
            {
                simulator.AddImage(region, Build(simulator, family, name, days));
            }
        }

        return old;
    }

    private static ImageBuilder Build(Ec2Simulator simulator, string family, string name, int ageDays) =>
        new ImageBuilder().Named(name).CreatedAt(simulator.Now.AddDays(-ageDays)).WithSnapshot(16).Tagged(TagNames.Family, family);

    private static ImageBuilder Old(Ec2Simulator simulator, string family, string name, int ageDays) =>
        Build(simulator, family, name, ageDays).DeprecatedAt(simulator.Now.AddDays(-ageDays / 2.0));

    private static ImageBuilder Fresh(Ec2Simulator simulator, string family, string otherRegion) =>
        new ImageBuilder()
            .Named(string.Create(CultureInfo.InvariantCulture, $"{family}-{simulator.Now:yyyyMMdd'T'HHmm'Z'}"))
            .CreatedAt(simulator.Now.AddMinutes(-10))
            .WithSnapshot(16)
            .Tagged(TagNames.Family, family)
            .Tagged(TagNames.CopyTo, otherRegion);

    /// <summary>Image ids anywhere in the payload; <c>name</c>; <c>family</c> and <c>families</c>.</summary>
    private static (List<string> Ids, List<string> Names, List<string> Families) Named(byte[] payload)
    {
        var ids = new List<string>();
        var names = new List<string>();
        var families = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(payload);
            Walk(document.RootElement, null);
        }
        catch (JsonException)
        {
            // Not JSON: the function reports it; nothing to adopt.
        }

        return (ids.Distinct(StringComparer.Ordinal).ToList(), names.Distinct(StringComparer.Ordinal).ToList(), families.Distinct(StringComparer.Ordinal).ToList());

        void Walk(JsonElement element, string? property)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var child in element.EnumerateObject())
                    {
                        Walk(child.Value, child.Name);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item, property);
                    }

                    break;
                case JsonValueKind.String:
                    var text = element.GetString() ?? string.Empty;
                    if (ImageIdPattern().IsMatch(text))
                    {
                        ids.Add(text);
                    }
                    else if (string.Equals(property, "name", StringComparison.OrdinalIgnoreCase) && text.Length > 0)
                    {
                        names.Add(text);
                    }
                    else if (property is not null && property.StartsWith("famil", StringComparison.OrdinalIgnoreCase) && text.Length > 0)
                    {
                        families.Add(text);
                    }

                    break;
            }
        }
    }

    [GeneratedRegex("^ami-[0-9a-f]{8,17}$", RegexOptions.CultureInvariant)]
    private static partial Regex ImageIdPattern();
}
