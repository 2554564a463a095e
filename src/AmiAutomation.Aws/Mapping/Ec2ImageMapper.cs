using AmiAutomation.Core.Images;
using Amazon.EC2;
using ImageState = AmiAutomation.Core.Images.ImageState;
using Sdk = Amazon.EC2.Model;

namespace AmiAutomation.Aws.Mapping;

/// <summary>All SDK → core image mapping. Absent collections are empty; unknown values fail safe.</summary>
public static class Ec2ImageMapper
{
    /// <summary>Maps one DescribeImages entry of <paramref name="region"/>. With <paramref name="strings"/> (one pool per
    /// inventory read), values that repeat across images (owner id, description, tag keys and values, device names,
    /// source region) are shared; the result keeps no reference to the SDK object.</summary>
    /// <remarks>A missing or unreadable time does not fail the mapping (one odd image must not stop a region's inventory):
    /// the field is left unknown (<see cref="AmiImage.UnknownCreationDate"/>, null) and listed in
    /// <see cref="AmiImage.UnreadableTimes"/>, which protects the image from every action.</remarks>
    /// <exception cref="ImageMappingException">No image id.</exception>
    public static AmiImage ToAmiImage(Sdk.Image image, string region, StringPool? strings = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (string.IsNullOrEmpty(image.ImageId))
        {
            throw new ImageMappingException($"An image in {region} has no ImageId.");
        }

        var unreadable = new List<string>(0);
        var name = image.Name ?? string.Empty;
        var tags = ToTags(image.Tags, strings, name);
        var instanceStore = image.RootDeviceType == DeviceType.InstanceStore;
        return new AmiImage
        {
            ImageId = image.ImageId,
            Region = region,
            Name = name,
            Description = Share(strings, image.Description),
            OwnerId = Share(strings, image.OwnerId) ?? string.Empty,
            CreationDate = ReadTime(image.CreationDate, "CreationDate", unreadable, required: true) ?? AmiImage.UnknownCreationDate,
            State = ToState(image.State),
            DeprecationTime = ReadTime(image.DeprecationTime, "DeprecationTime", unreadable, required: false),
            LastLaunchedTime = ReadTime(image.LastLaunchedTime, "LastLaunchedTime", unreadable, required: false),
            UnreadableTimes = unreadable.Count == 0 ? [] : unreadable,
            IsPublic = image.Public ?? false,
            Tags = tags,
            Snapshots = ToSnapshots(image.BlockDeviceMappings, strings),
            DeregistrationProtected = IsDeregistrationProtected(image.DeregistrationProtection),
            SourceImageId = NullIfEmpty(image.SourceImageId),
            SourceRegion = Share(strings, NullIfEmpty(image.SourceImageRegion)),
            ManagedBy = ImageManagerDetector.Detect(image.Name, tags),
            RootDevice = instanceStore ? RootDeviceKind.InstanceStore : RootDeviceKind.Ebs,
            // Only instance store-backed images need it (their S3 bundle); for EBS images it is "owner/name" again.
            ImageLocation = instanceStore ? NullIfEmpty(image.ImageLocation) : null,
        };
    }

    /// <summary>The parsed time; null (and an entry in <paramref name="unreadable"/>) when it is not a time, or when a
    /// <paramref name="required"/> time is missing.</summary>
    private static DateTimeOffset? ReadTime(string? value, string field, List<string> unreadable, bool required)
    {
        if (Ec2Time.TryParse(value, out var parsed))
        {
            if (parsed is null && required)
            {
                unreadable.Add($"{field} missing");
            }

            return parsed;
        }

        // The value comes from EC2 but is quoted capped all the same: it ends up in logs and summaries.
        var shown = value!.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
        unreadable.Add($"{field} '{shown}'");
        return null;
    }

    public static ImageState ToState(Amazon.EC2.ImageState? state) => state?.Value switch
    {
        "available" => ImageState.Available,
        "pending" => ImageState.Pending,
        "failed" => ImageState.Failed,
        "disabled" => ImageState.Disabled,
        "deregistered" => ImageState.Deregistered,
        _ => ImageState.Other,
    };

    /// <summary>"disabled" or absent → false; anything else (enabled-with-cooldown, unknown values) → true: opaque, fail safe.</summary>
    public static bool IsDeregistrationProtected(string? value) =>
        !string.IsNullOrWhiteSpace(value) && !string.Equals(value.Trim(), "disabled", StringComparison.OrdinalIgnoreCase);

    /// <summary>Tags in EC2's order (a repeated key keeps its last value); with <paramref name="strings"/> keys and values
    /// are shared, and a value equal to <paramref name="name"/> (the usual Name tag) reuses that string.</summary>
    public static ImageTags ToTags(IEnumerable<Sdk.Tag>? tags, StringPool? strings = null, string? name = null)
    {
        if (tags is null)
        {
            return ImageTags.Empty;
        }

        var pairs = new List<KeyValuePair<string, string>>(tags is ICollection<Sdk.Tag> c ? c.Count : 4);
        foreach (var tag in tags)
        {
            if (!string.IsNullOrEmpty(tag.Key))
            {
                var value = tag.Value ?? string.Empty;
                value = name is not null && string.Equals(value, name, StringComparison.Ordinal) ? name : Share(strings, value);
                pairs.Add(new(Share(strings, tag.Key), value));
            }
        }

        return ImageTags.From(pairs);
    }

    /// <summary>EBS snapshots behind the block devices; sizes in GiB (0 when EC2 gives none).</summary>
    public static IReadOnlyList<SnapshotInfo> ToSnapshots(IEnumerable<Sdk.BlockDeviceMapping>? mappings, StringPool? strings = null)
    {
        if (mappings is null)
        {
            return [];
        }

        var snapshots = new List<SnapshotInfo>(2);
        foreach (var m in mappings)
        {
            if (!string.IsNullOrEmpty(m.Ebs?.SnapshotId))
            {
                snapshots.Add(new SnapshotInfo(m.Ebs.SnapshotId, m.Ebs.VolumeSize ?? 0, Share(strings, m.DeviceName) ?? string.Empty));
            }
        }

        return snapshots.Count == 0 ? [] : snapshots.ToArray();
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    private static string? Share(StringPool? strings, string? value) => strings is null ? value : strings.Share(value);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
