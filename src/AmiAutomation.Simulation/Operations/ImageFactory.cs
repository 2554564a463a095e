using System.Globalization;
using AmiAutomation.Simulation.Seeding;
using AmiAutomation.Simulation.State;

namespace AmiAutomation.Simulation.Operations;

/// <summary>Registers an image (and its new snapshots) from an <see cref="ImageBuilder"/>: used by seeding and CreateImage.</summary>
internal static class ImageFactory
{
    public static SimImage Register(Ec2Simulator world, RegionState region, ImageBuilder spec, DateTimeOffset now)
    {
        var imageId = spec.ImageId ?? world.Ids.Next("ami");
        if (!ResourceIds.IsImageId(imageId))
        {
            throw new ArgumentException($"'{imageId}' is not a valid image id (ami- and 8 or 17 hex digits).", nameof(spec));
        }

        if (region.Images.Contains(imageId) || region.BinnedImages.Contains(imageId))
        {
            throw new ArgumentException($"Image {imageId} already exists in {region.Name}.", nameof(spec));
        }

        var owner = spec.OwnerId ?? world.AccountId;
        var creation = spec.CreationDate ?? now - (spec.Age ?? TimeSpan.FromDays(1));
        var name = spec.Name ?? $"image-{imageId}";
        var status = spec.State switch
        {
            "available" => ImageStatus.Available,
            "pending" => ImageStatus.Pending,
            "failed" => ImageStatus.Failed,
            "disabled" => ImageStatus.Disabled,
            _ => throw new ArgumentException($"Unknown image state '{spec.State}'.", nameof(spec)),
        };
        var image = new SimImage
        {
            ImageId = imageId,
            Region = region.Name,
            Name = name,
            Description = spec.Description,
            OwnerId = owner,
            OwnerAlias = spec.OwnerAlias,
            CreationDate = creation,
            Status = status,
            DeprecationTime = spec.DeprecationTime,
            LastLaunchedTime = spec.LastLaunchedTime,
            InstanceStore = spec.IsInstanceStore,
            ImageLocation = spec.IsInstanceStore ? spec.ImageLocation ?? $"amzn-s3-demo-bucket/{name}/image.manifest.xml" : spec.ImageLocation,
            RootDeviceName = spec.IsInstanceStore ? "/dev/sda1" : "/dev/xvda",
            Platform = spec.Platform,
            SourceImageId = spec.SourceImageId,
            SourceImageRegion = spec.SourceRegion,
        };
        if (status == ImageStatus.Failed)
        {
            var reason = spec.FailureReason ?? "Client.InternalError: image creation failed";
            var colon = reason.IndexOf(':', StringComparison.Ordinal);
            image.StateReasonCode = colon > 0 ? reason[..colon] : reason;
            image.StateReasonMessage = colon > 0 ? reason[(colon + 1)..].Trim() : reason;
        }

        foreach (var (key, value) in spec.Tags)
        {
            image.Tags[key] = value;
        }

        if (status != ImageStatus.Disabled)
        {
            image.LaunchPermissions.AddRange(spec.LaunchPermissions.Distinct());
        }

        if (spec.ProtectionWithCooldown is bool withCooldown)
        {
            image.Protection = withCooldown ? ProtectionMode.EnabledWithCooldown : ProtectionMode.EnabledWithoutCooldown;
        }

        AddDevices(world, region, spec, image);
        if (status == ImageStatus.Pending)
        {
            image.CompletesAt = now + (spec.PendingFor ?? (image.SourceImageId is null ? world.Options.CreateImageDuration : world.Options.CopyDuration));
            region.MarkPending(image);
        }

        region.AttachImage(image, world.AccountId);
        return image;
    }

    private static void AddDevices(Ec2Simulator world, RegionState region, ImageBuilder spec, SimImage image)
    {
        if (spec.IsInstanceStore)
        {
            image.BlockDevices.Add(new SimBlockDevice("/dev/sdb", null, 0, false, null) { VirtualName = "ephemeral0" });
            return;
        }

        var snapshots = spec.Snapshots.Count > 0 ? spec.Snapshots : [new ImageBuilder.SnapshotSpec(8, false, null, null, null)];
        var instanceId = spec.CreatedFromInstanceId ?? world.Ids.Next("i");
        for (var i = 0; i < snapshots.Count; i++)
        {
            var wanted = snapshots[i];
            var device = i == 0 ? "/dev/xvda" : string.Create(CultureInfo.InvariantCulture, $"/dev/xvd{(char)('a' + i)}");
            if (wanted.ExistingSnapshotId is { } existingId)
            {
                var existing = region.Snapshots.Find(existingId)
                    ?? throw new ArgumentException($"Snapshot {existingId} does not exist in {region.Name}.", nameof(spec));
                image.BlockDevices.Add(new SimBlockDevice(device, existingId, existing.VolumeSizeGiB, existing.Encrypted, existing.KmsKeyId));
                continue;
            }

            var snapshot = new SimSnapshot
            {
                SnapshotId = wanted.SnapshotId ?? world.Ids.Next("snap"),
                VolumeId = world.Ids.Next("vol"),
                OwnerId = image.OwnerId,
                VolumeSizeGiB = wanted.SizeGiB,
                Description = $"Created by CreateImage({instanceId}) for {image.ImageId}",
                StartTime = image.CreationDate,
                Encrypted = wanted.Encrypted || wanted.KmsKeyId is not null,
                KmsKeyId = wanted.KmsKeyId ?? (wanted.Encrypted ? $"arn:aws:kms:{region.Name}:{world.AccountId}:alias/aws/ebs" : null),
                State = image.Status == ImageStatus.Pending ? "pending" : "completed",
            };
            region.Snapshots.Add(snapshot.SnapshotId, snapshot);
            if (snapshot.State == "pending")
            {
                region.MarkPending(snapshot);
            }

            image.BlockDevices.Add(new SimBlockDevice(device, snapshot.SnapshotId, snapshot.VolumeSizeGiB, snapshot.Encrypted, snapshot.KmsKeyId));
        }
    }
}
