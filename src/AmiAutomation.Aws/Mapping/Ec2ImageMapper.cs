using AmiAutomation.Core.Images;
using Amazon.EC2;
using ImageState = AmiAutomation.Core.Images.ImageState;
using Sdk = Amazon.EC2.Model;

namespace AmiAutomation.Aws.Mapping;

/// <summary>All SDK → core image mapping. Absent collections are empty; unknown values fail safe.</summary>
public static class Ec2ImageMapper
{
    /// <summary>Maps one DescribeImages entry of <paramref name="region"/>.</summary>
    /// <exception cref="ImageMappingException">No image id, no or unparseable creation date, or an unparseable time.</exception>
    public static AmiImage ToAmiImage(Sdk.Image image, string region)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (string.IsNullOrEmpty(image.ImageId))
        {
            throw new ImageMappingException($"An image in {region} has no ImageId.");
        }

        try
        {
            var tags = ToTags(image.Tags);
            return new AmiImage
            {
                ImageId = image.ImageId,
                Region = region,
                Name = image.Name ?? string.Empty,
                Description = image.Description,
                OwnerId = image.OwnerId ?? string.Empty,
                CreationDate = Ec2Time.Parse(image.CreationDate, "CreationDate")
                    ?? throw new ImageMappingException($"Image {image.ImageId} in {region} has no CreationDate."),
                State = ToState(image.State),
                DeprecationTime = Ec2Time.Parse(image.DeprecationTime, "DeprecationTime"),
                LastLaunchedTime = Ec2Time.Parse(image.LastLaunchedTime, "LastLaunchedTime"),
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
        catch (FormatException ex)
        {
            throw new ImageMappingException($"Image {image.ImageId} in {region}: {ex.Message}", ex);
        }
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
