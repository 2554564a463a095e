using System.Globalization;
using AmiAutomation.Core.Images;

namespace AmiAutomation.Core.Replication;

/// <summary>Names and descriptions of copies, within EC2's limits (name 3–128, description ≤ 255).</summary>
public static class CopyNames
{
    public const int MaxNameLength = 128;
    public const int MaxDescriptionLength = 255;

    /// <summary>"Copy of ami-… from eu-west-1 by ami-automation", then the source's description if it fits.</summary>
    public static string Description(AmiImage source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = $"Copy of {source.ImageId} from {source.Region} by ami-automation";
        if (!string.IsNullOrWhiteSpace(source.Description))
        {
            text += ": " + source.Description.Trim();
        }

        return text.Length <= MaxDescriptionLength ? text : text[..MaxDescriptionLength];
    }

    /// <summary>
    /// The name for a retry when a failed copy of the same source still holds the source's name in the destination:
    /// <c>{name} (copy attempt {n})</c>, the name shortened so the whole stays within 128 characters.
    /// </summary>
    public static string ForAttempt(string name, int attempt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var suffix = string.Create(CultureInfo.InvariantCulture, $" (copy attempt {attempt})");
        var room = MaxNameLength - suffix.Length;
        return (name.Length <= room ? name : name[..room].TrimEnd()) + suffix;
    }
}
