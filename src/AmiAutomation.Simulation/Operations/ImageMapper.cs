using AmiAutomation.Core.Images;
using AmiAutomation.Simulation.State;
using Amazon.EC2;
using Amazon.EC2.Model;
using SdkImageState = Amazon.EC2.ImageState;
using SdkLaunchPermission = Amazon.EC2.Model.LaunchPermission;

namespace AmiAutomation.Simulation.Operations;

/// <summary>Simulator records → fresh SDK objects (callers may mutate what they get). Absent lists stay null, as the SDK leaves them.</summary>
internal static class ImageMapper
{
    public static Image ToSdk(SimImage image, string accountId, DateTimeOffset now)
    {
        var owned = image.OwnerId == accountId;
        return new Image
        {
            ImageId = image.ImageId,
            Name = image.Name,
            Description = image.Description,
            OwnerId = image.OwnerId,
            ImageOwnerAlias = image.OwnerAlias,
            CreationDate = TimeFormat.Iso(image.CreationDate),
            State = StateOf(image.Status),
            StateReason = image.StateReasonCode is null ? null : new StateReason { Code = image.StateReasonCode, Message = image.StateReasonMessage },
            DeprecationTime = TimeFormat.Iso(image.DeprecationTime),
            LastLaunchedTime = owned ? TimeFormat.Iso(image.LastLaunchedTime) : null,
            Public = image.IsPublic,
            Tags = Tags(image.Tags),
            BlockDeviceMappings = image.BlockDevices.Count == 0 ? null : image.BlockDevices.Select(Mapping).ToList(),
            DeregistrationProtection = owned ? Protection(image, now) : null,
            SourceImageId = image.SourceImageId,
            SourceImageRegion = image.SourceImageRegion,
            RootDeviceType = image.InstanceStore ? DeviceType.InstanceStore : DeviceType.Ebs,
            RootDeviceName = image.RootDeviceName,
            ImageLocation = image.ImageLocation ?? $"{image.OwnerId}/{image.Name}",
            Architecture = image.Architecture,
            ImageType = ImageTypeValues.Machine,
            Hypervisor = HypervisorType.Xen,
            VirtualizationType = VirtualizationType.Hvm,
            EnaSupport = true,
            Platform = image.Platform is null ? null : PlatformValues.FindValue(image.Platform),
            PlatformDetails = image.Platform == "windows" ? "Windows" : "Linux/UNIX",
            UsageOperation = image.Platform == "windows" ? "RunInstances:0002" : "RunInstances",
        };
    }

    public static SdkImageState StateOf(ImageStatus status) => status switch
    {
        ImageStatus.Available => SdkImageState.Available,
        ImageStatus.Pending => SdkImageState.Pending,
        ImageStatus.Failed => SdkImageState.Failed,
        ImageStatus.Disabled => SdkImageState.Disabled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown image status."),
    };

    /// <summary>Opaque EC2 value: <c>disabled</c>, <c>enabled-with-cooldown</c>, <c>enabled-without-cooldown</c>,
    /// or <c>disabled-until-&lt;time&gt;</c> while a cooldown runs [inferred].</summary>
    public static string Protection(SimImage image, DateTimeOffset now) => image.Protection switch
    {
        ProtectionMode.EnabledWithCooldown => "enabled-with-cooldown",
        ProtectionMode.EnabledWithoutCooldown => "enabled-without-cooldown",
        _ when image.ProtectionCooldownUntil is { } until && now < until => "disabled-until-" + TimeFormat.Iso(until),
        _ => "disabled",
    };

    public static List<Tag>? Tags(IReadOnlyDictionary<string, string> tags) =>
        tags.Count == 0 ? null : tags.Select(t => new Tag(t.Key, t.Value)).ToList();

    public static SdkLaunchPermission ToSdk(Core.Images.LaunchPermission permission) => permission.Kind switch
    {
        LaunchPermissionKind.Public => new SdkLaunchPermission { Group = PermissionGroup.All },
        LaunchPermissionKind.Account => new SdkLaunchPermission { UserId = permission.Value },
        LaunchPermissionKind.Organization => new SdkLaunchPermission { OrganizationArn = permission.Value },
        LaunchPermissionKind.OrganizationalUnit => new SdkLaunchPermission { OrganizationalUnitArn = permission.Value },
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission.Kind, "Unknown launch permission kind."),
    };

    private static BlockDeviceMapping Mapping(SimBlockDevice device) => device.IsEbs
        ? new BlockDeviceMapping
        {
            DeviceName = device.DeviceName,
            Ebs = new EbsBlockDevice
            {
                SnapshotId = device.SnapshotId,
                VolumeSize = device.VolumeSizeGiB,
                Encrypted = device.Encrypted,
                KmsKeyId = device.KmsKeyId,
                DeleteOnTermination = true,
                VolumeType = VolumeType.Gp3,
            },
        }
        : new BlockDeviceMapping { DeviceName = device.DeviceName, VirtualName = device.VirtualName };
}
