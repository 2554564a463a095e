using System.Text.RegularExpressions;

namespace AmiAutomation.Core.Restore;

/// <summary>
/// Reads the image id out of the descriptions EC2 gives the snapshots it creates for an AMI: the restore's
/// fallback when the ledger has no record of an image.
/// </summary>
/// <remarks>
/// Recognised: <c>Created by CreateImage(i-…) for ami-… [from vol-…]</c> (CreateImage) and
/// <c>Copied for DestinationAmi ami-… from SourceAmi ami-… …</c> (CopyImage; the destination is the image the
/// snapshot belongs to, never the source). Anything else names no image.
/// </remarks>
public static partial class SnapshotDescriptions
{
    /// <summary>The AMI the snapshot was created for, or null when the description is not one of EC2's.</summary>
    public static string? ImageIdIn(string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return null;
        }

        var match = CreateImagePattern().Match(description);
        if (!match.Success)
        {
            match = CopyImagePattern().Match(description);
        }

        return match.Success ? match.Groups["image"].Value : null;
    }

    /// <summary>True when <paramref name="description"/> says the snapshot belongs to <paramref name="imageId"/>.</summary>
    public static bool NamesImage(string? description, string imageId) =>
        string.Equals(ImageIdIn(description), imageId, StringComparison.Ordinal);

    [GeneratedRegex(@"\bCreateImage\([^)]*\) for (?<image>ami-[0-9a-f]{8,17})\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CreateImagePattern();

    [GeneratedRegex(@"\bCopied for DestinationAmi (?<image>ami-[0-9a-f]{8,17})\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CopyImagePattern();
}
