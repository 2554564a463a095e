using AmiAutomation.Core.Images;
using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Core.Replication;

/// <summary>
/// The tags a copy gets. Normally EC2 copies the source's user tags (<c>CopyImageTags</c>) and TagSpecifications add
/// the lineage. When the source carries our own control tags (it is itself a copy, or was copied before and has
/// attempts tags), those must not reach the copy — a copy must never look finished or carry another copy's lineage —
/// so the source's tags are sent explicitly instead, without them.
/// </summary>
public static class CopyTags
{
    /// <summary>EC2's limit of tags per resource.</summary>
    public const int MaxTagsPerResource = 50;

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
            || CopyAttempts.IsAttemptsKey(key);
    }

    /// <summary>Whether to let EC2 copy the tags, and the tags to send with the copy.</summary>
    public static (bool CopyImageTags, IReadOnlyDictionary<string, string> Tags) For(AmiImage source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lineage = Lineage(source);
        if (!source.Tags.Keys.Any(IsControlKey))
        {
            return (true, lineage);
        }

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in source.Tags)
        {
            if (!IsControlKey(key) && !key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                tags[key] = value;
            }
        }

        foreach (var (key, value) in lineage)
        {
            tags[key] = value;
        }

        return (false, tags);
    }
}
