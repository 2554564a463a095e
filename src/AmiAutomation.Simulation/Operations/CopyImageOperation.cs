using System.Globalization;
using AmiAutomation.Simulation.State;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Operations;

/// <summary>
/// CopyImage through the DESTINATION region's client (UG/CopyingAMIs). The copy is <c>pending</c> until
/// <see cref="SimulatorOptions.CopyDuration"/> has passed on the simulator's clock, then <c>available</c>, or
/// <c>failed</c> when its KMS key was marked unusable. ClientToken is idempotent per destination; at most
/// <see cref="SimulatorOptions.MaxConcurrentCopiesPerRegion"/> copies in flight per destination.
/// </summary>
internal static class CopyImageOperation
{
    public static CopyImageResponse Run(OperationContext context, CopyImageRequest request)
    {
        var destination = context.Region;
        var sourceRegionName = Required(request.SourceRegion, "SourceRegion");
        if (!ResourceIds.IsRegionName(sourceRegionName))
        {
            throw Ec2Errors.Create("InvalidRegion", $"Invalid region: {sourceRegionName}");
        }

        var sourceImageId = Required(request.SourceImageId, "SourceImageId");
        if (!ResourceIds.IsImageId(sourceImageId))
        {
            throw Ec2Errors.ImageMalformed(sourceImageId);
        }

        var name = Required(request.Name, "Name");
        if (!ResourceIds.IsImageName(name))
        {
            throw Ec2Errors.Create("InvalidAMIName.Malformed", $"AMI name '{name}' is invalid: 3–128 characters of letters, digits and ( ) [ ] . / - ' @ _ or space.");
        }

        if (request.Description is { Length: > 255 })
        {
            throw Ec2Errors.InvalidParameterValue("The description exceeds 255 characters.");
        }

        if (request.ClientToken is { } token && (token.Length > 64 || token.Any(c => c > 127)))
        {
            throw Ec2Errors.InvalidParameterValue("ClientToken must be at most 64 ASCII characters.");
        }

        if (request.KmsKeyId is not null && request.Encrypted != true)
        {
            throw Ec2Errors.InvalidParameterCombination("KmsKeyId requires Encrypted=true.");
        }

        if (request.SnapshotCopyCompletionDurationMinutes is long minutes && (minutes < 15 || minutes > 2880 || minutes % 15 != 0))
        {
            throw Ec2Errors.InvalidParameterValue($"SnapshotCopyCompletionDurationMinutes {minutes} must be 15–2880 in steps of 15.");
        }

        var tagSpecifications = TagSpecifications.Validate(request.TagSpecifications, "image", "snapshot");
        var fingerprint = Fingerprint(request);
        if (request.ClientToken is { } clientToken && destination.CopyTokens.TryGetValue(clientToken, out var earlier))
        {
            if (earlier.ParameterFingerprint != fingerprint)
            {
                throw Ec2Errors.Create("IdempotentParameterMismatch", $"The client token '{clientToken}' was already used for CopyImage with different parameters (it produced {earlier.ImageId}).");
            }

            context.Commit();
            return new CopyImageResponse { ImageId = earlier.ImageId, HttpStatusCode = System.Net.HttpStatusCode.OK };
        }

        var source = FindSource(context, sourceRegionName, sourceImageId);
        CheckTagLimit(request, source, tagSpecifications);
        if (destination.ImageHoldingName(name, context.Now) is { } holder)
        {
            throw Ec2Errors.Create("InvalidAMIName.Duplicate", $"AMI name {name} is already in use by AMI {holder}");
        }

        var inFlight = destination.PendingImageIds.Count(id => destination.Images.Find(id)?.SourceImageId is not null);
        if (inFlight >= context.World.Options.MaxConcurrentCopiesPerRegion)
        {
            throw Ec2Errors.Create("ResourceLimitExceeded", $"You have reached the limit of {context.World.Options.MaxConcurrentCopiesPerRegion} concurrent AMI copies in {destination.Name}.");
        }

        context.Commit();
        var copy = CreateCopy(context, request, source, tagSpecifications);
        if (request.ClientToken is { } newToken)
        {
            destination.CopyTokens[newToken] = new CopyTokenEntry(fingerprint, copy.ImageId);
        }

        return new CopyImageResponse { ImageId = copy.ImageId, HttpStatusCode = System.Net.HttpStatusCode.OK };
    }

    /// <summary>EC2 allows 50 user tags per resource, the copied source tags (CopyImageTags) and TagSpecifications
    /// together: more is refused as TagLimitExceeded, nothing created (docs/simulator-behaviours.md).</summary>
    private static void CheckTagLimit(CopyImageRequest request, SimImage source, Dictionary<string, List<Tag>> tagSpecifications)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (request.CopyImageTags == true)
        {
            keys.UnionWith(source.Tags.Keys.Where(TagOperations.IsUserKey));
        }

        if (tagSpecifications.TryGetValue("image", out var specified))
        {
            keys.UnionWith(specified.Select(t => t.Key));
        }

        if (keys.Count > TagOperations.MaxTagsPerResource)
        {
            throw Ec2Errors.Create("TagLimitExceeded", $"The new image would carry {keys.Count} tags (copied from {source.ImageId} and requested); the maximum is {TagOperations.MaxTagsPerResource}.");
        }
    }

    private static SimImage FindSource(OperationContext context, string sourceRegionName, string sourceImageId)
    {
        var sourceRegion = context.RegionNamed(sourceRegionName);
        if (sourceRegion.Images.Find(sourceImageId) is not { } source || !ImageAccess.CanSee(source, context.AccountId))
        {
            throw Ec2Errors.ImageNotFound([sourceImageId]);
        }

        if (source.Status != ImageStatus.Available)
        {
            throw Ec2Errors.ImageUnavailable(sourceImageId, $"it is {ImageMapper.StateOf(source.Status).Value} in {sourceRegionName}");
        }

        return source;
    }

    private static SimImage CreateCopy(OperationContext context, CopyImageRequest request, SimImage source, Dictionary<string, List<Tag>> tagSpecifications)
    {
        var world = context.World;
        var destination = context.Region;
        var duration = world.Options.CopyDuration;
        var imageId = world.Ids.Next("ami");
        var copy = new SimImage
        {
            ImageId = imageId,
            Region = destination.Name,
            Name = request.Name,
            Description = request.Description,
            OwnerId = context.AccountId,
            CreationDate = context.Now,
            Status = ImageStatus.Pending,
            InstanceStore = source.InstanceStore,
            ImageLocation = source.InstanceStore ? source.ImageLocation : null,
            RootDeviceName = source.RootDeviceName,
            Architecture = source.Architecture,
            Platform = source.Platform,
            SourceImageId = source.ImageId,
            SourceImageRegion = source.Region,
            CompletesAt = context.Now + duration,
        };

        string? failure = null;
        foreach (var device in source.BlockDevices)
        {
            if (!device.IsEbs)
            {
                copy.BlockDevices.Add(device);
                continue;
            }

            var encrypted = device.Encrypted || request.Encrypted == true;
            var kmsKeyId = request.KmsKeyId ?? (encrypted ? $"arn:aws:kms:{destination.Name}:{context.AccountId}:alias/aws/ebs" : null);
            if (kmsKeyId is not null && world.IsKmsKeyUnusable(kmsKeyId))
            {
                failure = $"The KMS key {kmsKeyId} is not usable in {destination.Name}; the copy of {source.ImageId} failed.";
            }

            var snapshot = new SimSnapshot
            {
                SnapshotId = world.Ids.Next("snap"),
                VolumeId = "vol-ffffffff",
                OwnerId = context.AccountId,
                VolumeSizeGiB = device.VolumeSizeGiB,
                Description = string.Create(CultureInfo.InvariantCulture, $"Copied for DestinationAmi {imageId} from SourceAmi {source.ImageId} for SourceSnapshot {device.SnapshotId}. Task created on {context.Now.ToUnixTimeMilliseconds()}."),
                StartTime = context.Now,
                Encrypted = encrypted,
                KmsKeyId = kmsKeyId,
                State = "pending",
            };
            TagSpecifications.Apply(tagSpecifications, "snapshot", snapshot.Tags);
            destination.Snapshots.Add(snapshot.SnapshotId, snapshot);
            destination.MarkPending(snapshot);
            copy.BlockDevices.Add(device with { SnapshotId = snapshot.SnapshotId, Encrypted = encrypted, KmsKeyId = kmsKeyId });
        }

        copy.FailureOnCompletion = failure;
        if (request.CopyImageTags == true)
        {
            foreach (var (key, value) in source.Tags.Where(t => TagOperations.IsUserKey(t.Key)))
            {
                copy.Tags[key] = value;
            }
        }

        TagSpecifications.Apply(tagSpecifications, "image", copy.Tags);
        destination.AttachImage(copy, context.AccountId);
        destination.MarkPending(copy);
        WorldClock.Settle(destination, context.Now);
        return copy;
    }

    private static string Fingerprint(CopyImageRequest request) => string.Join(
        '\u001f',
        request.SourceRegion,
        request.SourceImageId,
        request.Name,
        request.Description,
        request.Encrypted,
        request.KmsKeyId,
        request.CopyImageTags,
        string.Join(',', (request.TagSpecifications ?? []).SelectMany(s => (s.Tags ?? []).Select(t => $"{s.ResourceType?.Value}:{t.Key}={t.Value}"))));

    private static string Required(string? value, string parameter) =>
        string.IsNullOrEmpty(value) ? throw Ec2Errors.MissingParameter(parameter) : value;
}
