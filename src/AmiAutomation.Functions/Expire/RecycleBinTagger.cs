using AmiAutomation.Core.Images;
using AmiAutomation.Core.Tagging;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Functions.Expire;

/// <summary>
/// Tags an image and each of its snapshots <c>ami-lifecycle:recycle-bin=retain</c> right before deregistration: the
/// stack's tag-level Recycle Bin rules match that tag at deletion time, so exactly what we retire stays restorable
/// (other teams' resources are not retained at their cost). A failure throws, and the image is not deregistered.
/// </summary>
/// <remarks>ec2:CreateTags on the image and its snapshots.</remarks>
public sealed class RecycleBinTagger(IAmazonEC2 client)
{
    public async Task TagAsync(AmiImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        List<string> resources = [image.ImageId, .. image.Snapshots.Select(s => s.SnapshotId)];
        await client.CreateTagsAsync(
            new CreateTagsRequest
            {
                Resources = resources,
                Tags = [new Tag(TagNames.RecycleBin, TagNames.RecycleBinValue)],
            },
            cancellationToken);
    }
}
