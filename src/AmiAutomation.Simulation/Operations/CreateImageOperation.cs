using AmiAutomation.Simulation.Seeding;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Operations;

/// <summary>CreateImage from an instance (test setups and parity scenarios): snapshots sized like the instance's image,
/// described <c>Created by CreateImage(i-…) for ami-…</c>; pending for <see cref="SimulatorOptions.CreateImageDuration"/>.</summary>
internal static class CreateImageOperation
{
    public static CreateImageResponse Run(OperationContext context, CreateImageRequest request)
    {
        var region = context.Region;
        var instanceId = string.IsNullOrEmpty(request.InstanceId) ? throw Ec2Errors.MissingParameter("InstanceId") : request.InstanceId;
        if (region.Instances.Find(instanceId) is not { } instance || instance.State == "terminated")
        {
            throw Ec2Errors.Create("InvalidInstanceID.NotFound", $"The instance ID '{instanceId}' does not exist");
        }

        var name = string.IsNullOrEmpty(request.Name) ? throw Ec2Errors.MissingParameter("Name") : request.Name;
        if (!ResourceIds.IsImageName(name))
        {
            throw Ec2Errors.Create("InvalidAMIName.Malformed", $"AMI name '{name}' is invalid.");
        }

        if (region.ImageHoldingName(name, context.Now) is { } holder)
        {
            throw Ec2Errors.Create("InvalidAMIName.Duplicate", $"AMI name {name} is already in use by AMI {holder}");
        }

        var tags = TagSpecifications.Validate(request.TagSpecifications, "image", "snapshot");
        context.Commit();
        var spec = new ImageBuilder().Named(name).WithDescription(request.Description).CreatedAt(context.Now);
        spec.CreatedFromInstanceId = instanceId;
        var sourceImage = region.Images.Find(instance.ImageId);
        foreach (var device in sourceImage?.BlockDevices.Where(d => d.IsEbs) ?? [])
        {
            spec.WithSnapshot(device.VolumeSizeGiB, device.Encrypted, device.KmsKeyId);
        }

        if (context.World.Options.CreateImageDuration > TimeSpan.Zero)
        {
            spec.Pending();
        }

        var image = ImageFactory.Register(context.World, region, spec, context.Now);
        TagSpecifications.Apply(tags, "image", image.Tags);
        foreach (var snapshotId in image.SnapshotIds)
        {
            TagSpecifications.Apply(tags, "snapshot", region.Snapshots.Find(snapshotId)!.Tags);
        }

        return new CreateImageResponse { ImageId = image.ImageId, HttpStatusCode = System.Net.HttpStatusCode.OK };
    }
}
