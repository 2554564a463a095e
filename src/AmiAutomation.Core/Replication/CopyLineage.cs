using AmiAutomation.Core.Images;
using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Core.Replication;

/// <summary>Reads an image's copy lineage: our lineage tags first, EC2's SourceImageId/SourceImageRegion second.</summary>
public static class CopyLineage
{
    /// <summary>True when the image is a copy this product made (it carries the source-image lineage tag).</summary>
    public static bool IsOurCopy(AmiImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return !string.IsNullOrWhiteSpace(image.Tag(TagNames.SourceImage));
    }

    /// <summary>True when the image is a copy of any kind: ours (lineage tag) or anyone's (EC2 SourceImageId).</summary>
    public static bool IsCopy(AmiImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return IsOurCopy(image) || !string.IsNullOrWhiteSpace(image.SourceImageId);
    }

    /// <summary>The image this one was copied from, or null when it is not a copy.</summary>
    public static string? SourceImageId(AmiImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return NullIfBlank(image.Tag(TagNames.SourceImage)) ?? NullIfBlank(image.SourceImageId);
    }

    /// <summary>The region this image was copied from, or null when unknown.</summary>
    public static string? SourceRegion(AmiImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return NullIfBlank(image.Tag(TagNames.SourceRegion)) ?? NullIfBlank(image.SourceRegion);
    }

    /// <summary>True when <paramref name="image"/> is a copy of <paramref name="sourceImageId"/>.</summary>
    public static bool IsCopyOf(AmiImage image, string sourceImageId)
    {
        ArgumentNullException.ThrowIfNull(image);
        return string.Equals(image.Tag(TagNames.SourceImage), sourceImageId, StringComparison.Ordinal)
            || string.Equals(image.SourceImageId, sourceImageId, StringComparison.Ordinal);
    }

    /// <summary>True once launch permissions and deprecation were carried over to the copy.</summary>
    public static bool IsFinished(AmiImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return image.HasTag(TagNames.CopyFinishedAt);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
