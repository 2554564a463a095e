using System.Globalization;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Core.Replication;

/// <summary>
/// How often a source was copied to one destination, kept in a tag on the source:
/// <c>ami-lifecycle:copy-attempts:&lt;region&gt;</c> = <c>1</c>, <c>2</c>, … while copies are being tried, and
/// <c>done</c> once a copy was seen available (so a copy deregistered later is not made again).
/// One key per destination: concurrent runs for different destinations never overwrite each other.
/// </summary>
public sealed record CopyAttempts(int Count, bool Done)
{
    public const string KeyPrefix = TagNames.Prefix + "copy-attempts:";
    public const string DoneValue = "done";

    public static readonly CopyAttempts None = new(0, false);

    public static string KeyFor(string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        return KeyPrefix + region;
    }

    /// <summary>The recorded attempts for <paramref name="region"/>; unreadable values count as none.</summary>
    public static CopyAttempts Read(AmiImage source, string region)
    {
        ArgumentNullException.ThrowIfNull(source);
        var value = source.Tag(KeyFor(region))?.Trim();
        if (string.Equals(value, DoneValue, StringComparison.OrdinalIgnoreCase))
        {
            return new CopyAttempts(0, true);
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? new CopyAttempts(count, false)
            : None;
    }

    public static string Value(int count) => count.ToString(CultureInfo.InvariantCulture);

    public static bool IsAttemptsKey(string tagKey) => tagKey.StartsWith(KeyPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Splits <paramref name="tags"/> (attempts tags to write on <paramref name="source"/>) into those EC2 accepts —
    /// keys already there, then new keys while the source has tags free (50 per resource) — and those it would refuse
    /// with TagLimitExceeded. A full source cannot carry the record: the caller reports it instead of failing every run.
    /// </summary>
    public static (IReadOnlyDictionary<string, string> Fit, IReadOnlyList<string> Left) FitOn(AmiImage source, IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(tags);
        var free = CopyTags.MaxTagsPerResource - source.Tags.Keys.Count(k => !k.StartsWith("aws:", StringComparison.OrdinalIgnoreCase));
        var fit = new Dictionary<string, string>(StringComparer.Ordinal);
        var left = new List<string>();
        foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (source.HasTag(key))
            {
                fit[key] = value;
            }
            else if (free > 0)
            {
                fit[key] = value;
                free--;
            }
            else
            {
                left.Add(key);
            }
        }

        return (fit, left);
    }
}
