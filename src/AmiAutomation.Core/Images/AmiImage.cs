namespace AmiAutomation.Core.Images;

/// <summary>
/// One AMI as the core sees it: everything a policy needs, no AWS SDK types.
/// Built by the AWS side (Ec2ImageMapper) from DescribeImages; times are UTC.
/// </summary>
public sealed record AmiImage
{
    public required string ImageId { get; init; }
    public required string Region { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required string OwnerId { get; init; }
    /// <summary>When EC2 created the image; <see cref="UnknownCreationDate"/> when EC2's value could not be read (see
    /// <see cref="UnreadableTimes"/>): the oldest possible, so it never counts as newer than a real image.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>EC2 time fields that could not be read, each as <c>Field 'value'</c>. Any entry makes the image's age
    /// or history unknown: it is never acted on (<see cref="Planning.ReasonCode.UnreadableTime"/>).</summary>
    public IReadOnlyList<string> UnreadableTimes { get; init; } = [];
    public required ImageState State { get; init; }

    /// <summary>When EC2 deprecates (or deprecated) the image; may lie in the future.</summary>
    public DateTimeOffset? DeprecationTime { get; init; }

    /// <summary>Last launch as EC2 reports it (lags up to 24 hours); null when never launched or unknown.</summary>
    public DateTimeOffset? LastLaunchedTime { get; init; }

    public bool IsPublic { get; init; }

    /// <summary>Explicit launch permissions; null when not read (DescribeImages does not return them).</summary>
    public IReadOnlyList<LaunchPermission>? LaunchPermissions { get; init; }

    /// <summary>The AMI usage report evidence for a shared image; null when none was read (only read for shared
    /// deregistration candidates under <see cref="Protection.SharedImageRule.KeepUnlessUnused"/>).</summary>
    public ImageUsageReport? UsageReport { get; init; }

    /// <summary>The image's tags; the inventory gives an <see cref="ImageTags"/> (compact, strings shared across images).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = ImageTags.Empty;
    public IReadOnlyList<SnapshotInfo> Snapshots { get; init; } = [];
    public bool DeregistrationProtected { get; init; }

    /// <summary>EC2's SourceImageId/SourceImageRegion, set on copies.</summary>
    public string? SourceImageId { get; init; }
    public string? SourceRegion { get; init; }

    public ImageManager ManagedBy { get; init; } = ImageManager.Nobody;
    public RootDeviceKind RootDevice { get; init; } = RootDeviceKind.Ebs;

    /// <summary>For instance store-backed images: the S3 manifest location EC2 reports.</summary>
    public string? ImageLocation { get; init; }

    public string? Tag(string key) => Tags.TryGetValue(key, out var value) ? value : null;

    public bool HasTag(string key) => Tags.ContainsKey(key);

    public long TotalSnapshotGiB => Snapshots.Sum(s => (long)s.SizeGiB);

    /// <summary>The <see cref="CreationDate"/> of an image whose creation date is missing or unreadable: earlier than
    /// any AMI (EC2 launched in 2006), far enough from <see cref="DateTimeOffset.MinValue"/> for date arithmetic.</summary>
    public static readonly DateTimeOffset UnknownCreationDate = DateTimeOffset.UnixEpoch;

}
