using AmiAutomation.Core.Images;

namespace AmiAutomation.Simulation.State;

/// <summary>The simulator's mutable record of one image; only touched under the simulator's lock.</summary>
internal sealed class SimImage
{
    public required string ImageId { get; init; }
    public required string Region { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public required string OwnerId { get; init; }
    public string? OwnerAlias { get; init; }
    public required DateTimeOffset CreationDate { get; init; }
    public ImageStatus Status { get; set; } = ImageStatus.Available;
    public DateTimeOffset? DeprecationTime { get; set; }
    public DateTimeOffset? LastLaunchedTime { get; set; }
    public List<LaunchPermission> LaunchPermissions { get; } = [];
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
    public List<SimBlockDevice> BlockDevices { get; } = [];
    public bool InstanceStore { get; init; }
    public string? ImageLocation { get; init; }
    public string RootDeviceName { get; init; } = "/dev/xvda";
    public string Architecture { get; init; } = "x86_64";
    public string? Platform { get; init; }
    public ProtectionMode Protection { get; set; } = ProtectionMode.Disabled;

    /// <summary>Set when protection with cooldown was disabled: still protected until then.</summary>
    public DateTimeOffset? ProtectionCooldownUntil { get; set; }
    public string? SourceImageId { get; init; }
    public string? SourceImageRegion { get; init; }
    public string? StateReasonCode { get; set; }
    public string? StateReasonMessage { get; set; }

    /// <summary>For a pending copy or creation: when it settles.</summary>
    public DateTimeOffset? CompletesAt { get; set; }

    /// <summary>For a pending copy: whether it ends <c>failed</c> (unusable KMS key).</summary>
    public string? FailureOnCompletion { get; set; }

    /// <summary>Launch permissions held back while the image sits in the Recycle Bin.</summary>
    public List<LaunchPermission> BinnedLaunchPermissions { get; } = [];

    public bool IsPublic => LaunchPermissions.Exists(p => p.Kind == LaunchPermissionKind.Public);

    public IEnumerable<string> SnapshotIds
    {
        get
        {
            if (BlockDevices.Count == 1)
            {
                return BlockDevices[0].SnapshotId is { } only ? [only] : [];
            }

            return BlockDevices.Where(d => d.SnapshotId is not null).Select(d => d.SnapshotId!).Distinct(StringComparer.Ordinal);
        }
    }

    public bool IsDeprecatedAt(DateTimeOffset now) => DeprecationTime is { } at && at <= now;

    public bool IsProtectedAt(DateTimeOffset now) =>
        Protection != ProtectionMode.Disabled || (ProtectionCooldownUntil is { } until && now < until);
}
