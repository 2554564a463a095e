using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Parity;

/// <summary>Setup steps shared by the parity scenarios, done through the API on both backends.</summary>
internal static class Scenario
{
    public static async Task<string> LaunchAsync(IAmazonEC2 ec2)
    {
        var response = await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = Ec2Backend.BaseImageId, MinCount = 1, MaxCount = 1, InstanceType = InstanceType.T3Micro });
        return response.Reservation.Instances[0].InstanceId;
    }

    public static async Task<string> ImageAsync(IAmazonEC2 ec2, string instanceId, string name, string? description = null, params Tag[] tags)
    {
        var request = new CreateImageRequest { InstanceId = instanceId, Name = name, Description = description };
        if (tags.Length > 0)
        {
            request.TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Image, Tags = [.. tags] }];
        }

        return (await ec2.CreateImageAsync(request)).ImageId;
    }

    public static string Describe(Image image) =>
        $"{image.ImageId} {image.Name} {image.State} owner={image.OwnerId} public={image.Public} "
        + $"devices=[{string.Join(',', (image.BlockDeviceMappings ?? []).Select(b => b.Ebs?.SnapshotId))}] "
        + $"tags=[{string.Join(',', (image.Tags ?? []).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "=" + t.Value))}]";

    /// <summary>An unordered set of ids: <see cref="Transcript"/> sorts it after replacing ids by placeholders.</summary>
    public static string Ids(IEnumerable<Image>? images) =>
        images is null ? "null" : "{" + string.Join(',', images.Select(i => i.ImageId)) + "}";

    public static string Names(IEnumerable<Image>? images) =>
        images is null ? "null" : "[" + string.Join(',', images.Select(i => i.Name).Order(StringComparer.Ordinal)) + "]";
}
