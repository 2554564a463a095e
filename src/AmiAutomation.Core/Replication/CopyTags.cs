using AmiAutomation.Core.Images;
using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Core.Replication;

/// <summary>
/// The tags a copy gets. Normally EC2 copies the source's user tags (<c>CopyImageTags</c>) and TagSpecifications add
/// the lineage and the start record. The source's tags are sent explicitly instead, filtered, when they carry what a
/// copy must never inherit — our control tags (a copy must never look finished or carry another copy's lineage) and
/// the source's own lifecycle state (the Recycle Bin mark the retention rules match, the restore time) — or when they
/// do not all fit in EC2's limit of <see cref="MaxTagsPerResource"/> beside ours.
/// </summary>
/// <remarks>
/// Ours always fit: lineage, the start record, and one place kept free for <c>copy-finished-at</c>, so the finish can
/// never fail on the limit. Of the source's tags, <c>ami-lifecycle:</c> ones (family, keep, copy-to …) come first, the
/// rest in ordinal key order; whatever is beyond the limit is dropped — the same keys on every attempt — and reported.
/// </remarks>
public static class CopyTags
{
    /// <summary>EC2's limit of user tags per resource (<c>aws:</c> tags do not count):
    /// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateTags.html.</summary>
    public const int MaxTagsPerResource = 50;

    /// <summary>Tags the finisher adds later (<see cref="TagNames.CopyFinishedAt"/>): kept free from the start.</summary>
    public const int ReservedForFinish = 1;

    /// <summary>The lineage every copy carries.</summary>
    public static IReadOnlyDictionary<string, string> Lineage(AmiImage source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Lineage(source.ImageId, source.Region);
    }

    /// <summary>The lineage of a copy of <paramref name="sourceImageId"/> from <paramref name="sourceRegion"/>.</summary>
    public static IReadOnlyDictionary<string, string> Lineage(string sourceImageId, string sourceRegion) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TagNames.SourceImage] = sourceImageId,
            [TagNames.SourceRegion] = sourceRegion,
            [TagNames.ManagedBy] = TagNames.ManagedByValue,
        };

    /// <summary>True for the keys that describe one image's copying and must never be inherited.</summary>
    public static bool IsControlKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key is TagNames.SourceImage or TagNames.SourceRegion or TagNames.ManagedBy or TagNames.CopyFinishedAt
            || CopyAttempts.IsAttemptsKey(key) || CopyRecord.IsRecordKey(key);
    }

    /// <summary>True for one image's own lifecycle state, which a copy (a new image) never inherits: the Recycle Bin
    /// mark (<c>recycle-bin=retain</c>, matched by the retention rules, set by expire right before a deregistration)
    /// and the restore time.</summary>
    public static bool IsImageStateKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key is TagNames.RecycleBin or TagNames.RestoredAt;
    }

    /// <summary>True for a source tag a copy may carry: a user tag that is neither ours nor the source's own state.</summary>
    public static bool IsInheritable(string key) =>
        !IsControlKey(key) && !IsImageStateKey(key) && !key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether to let EC2 copy the tags, and the tags to send with the copy (lineage only, no record).</summary>
    public static CopyTagPlan For(AmiImage source) => For(source, Lineage(source));

    /// <summary>The tags of a copy of <paramref name="source"/> that carries <paramref name="ours"/> (lineage, record).</summary>
    public static CopyTagPlan For(AmiImage source, IReadOnlyDictionary<string, string> ours)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(ours);
        var room = Math.Max(0, MaxTagsPerResource - ours.Count - ReservedForFinish);
        var userKeys = source.Tags.Keys.Where(k => !k.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)).ToList();
        var inheritable = userKeys.Where(IsInheritable).ToList();
        if (inheritable.Count == userKeys.Count && inheritable.Count <= room)
        {
            return new CopyTagPlan(true, ours, []);
        }

        var ordered = inheritable
            .OrderBy(k => k.StartsWith(TagNames.Prefix, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(k => k, StringComparer.Ordinal)
            .ToList();
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in ordered.Take(room))
        {
            tags[key] = source.Tags[key];
        }

        foreach (var (key, value) in ours)
        {
            tags[key] = value;
        }

        return new CopyTagPlan(false, tags, [.. ordered.Skip(room).Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The inherited tags to remove from <paramref name="copy"/> so <paramref name="adding"/> new keys fit (copies made
    /// before the limit was kept: up to 50 tags with none free). Ours are never chosen; the source's go last-first in
    /// the order <see cref="For(AmiImage, IReadOnlyDictionary{string, string})"/> keeps them.
    /// </summary>
    public static IReadOnlyList<string> ToMakeRoom(AmiImage copy, IReadOnlyCollection<string> adding)
    {
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(adding);
        var userKeys = copy.Tags.Keys.Where(k => !k.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)).ToHashSet(StringComparer.Ordinal);
        var over = userKeys.Count + adding.Count(k => !userKeys.Contains(k)) - MaxTagsPerResource;
        if (over <= 0)
        {
            return [];
        }

        return [.. userKeys.Where(k => !IsControlKey(k) && !adding.Contains(k))
            .OrderBy(k => k.StartsWith(TagNames.Prefix, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(k => k, StringComparer.Ordinal)
            .Reverse()
            .Take(over)
            .Order(StringComparer.Ordinal)];
    }
}
