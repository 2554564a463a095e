using AmiAutomation.Core.Images;
using Amazon.EC2;
using ImageState = AmiAutomation.Core.Images.ImageState;
using Sdk = Amazon.EC2.Model;

namespace AmiAutomation.Aws.Mapping;

/// <summary>All SDK → core image mapping. Absent collections are empty; unknown values fail safe.</summary>
public static class Ec2ImageMapper
{
    /// <summary>Maps one DescribeImages entry of <paramref name="region"/>.</summary>
    /// <remarks>A missing or unreadable time does not fail the mapping (one odd image must not stop a region's inventory):
    /// the field is left unknown (<see cref="AmiImage.UnknownCreationDate"/>, null) and listed in
    /// <see cref="AmiImage.UnreadableTimes"/>, which protects the image from every action.</remarks>
    /// <exception cref="ImageMappingException">No image id.</exception>
    public static AmiImage ToAmiImage(Sdk.Image image, string region)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (string.IsNullOrEmpty(image.ImageId))
        {
            throw new ImageMappingException($"An image in {region} has no ImageId.");
        }

        var unreadable = new List<string>(0);
        var tags = ToTags(image.Tags);
        return new AmiImage
        {
            ImageId = image.ImageId,
            Region = region,
            Name = image.Name ?? string.Empty,
            Description = image.Description,
            OwnerId = image.OwnerId ?? string.Empty,
            CreationDate = ReadTime(image.CreationDate, "CreationDate", unreadable, required: true) ?? AmiImage.UnknownCreationDate,
            State = ToState(image.State),
            DeprecationTime = ReadTime(image.DeprecationTime, "DeprecationTime", unreadable, required: false),
            LastLaunchedTime = ReadTime(image.LastLaunchedTime, "LastLaunchedTime", unreadable, required: false),
            UnreadableTimes = unreadable,
            IsPublic = image.Public ?? false,
            Tags = tags,
            Snapshots = ToSnapshots(image.BlockDeviceMappings),
            DeregistrationProtected = IsDeregistrationProtected(image.DeregistrationProtection),
            SourceImageId = NullIfEmpty(image.SourceImageId),
            SourceRegion = NullIfEmpty(image.SourceImageRegion),
            ManagedBy = ImageManagerDetector.Detect(image.Name, tags),
            RootDevice = image.RootDeviceType == DeviceType.InstanceStore ? RootDeviceKind.InstanceStore : RootDeviceKind.Ebs,
            ImageLocation = NullIfEmpty(image.ImageLocation),
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

    public static IReadOnlyDictionary<string, string> ToTags(IEnumerable<Sdk.Tag>? tags)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags ?? [])
        {
            if (!string.IsNullOrEmpty(tag.Key))
            {
                result[tag.Key] = tag.Value ?? string.Empty;
            }
        }

        return result;
    }

    /// <summary>EBS snapshots behind the block devices; sizes in GiB (0 when EC2 gives none).</summary>
    public static IReadOnlyList<SnapshotInfo> ToSnapshots(IEnumerable<Sdk.BlockDeviceMapping>? mappings) =>
        mappings is null
            ? []
            : [.. mappings
                .Where(m => !string.IsNullOrEmpty(m.Ebs?.SnapshotId))
                .Select(m => new SnapshotInfo(m.Ebs.SnapshotId, m.Ebs.VolumeSize ?? 0, m.DeviceName ?? string.Empty))];

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
