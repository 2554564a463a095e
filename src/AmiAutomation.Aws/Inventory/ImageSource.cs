using AmiAutomation.Aws.Mapping;
using AmiAutomation.Core.Images;
using Amazon.EC2.Model;

namespace AmiAutomation.Aws.Inventory;

/// <summary>Owned images: DescribeImages Owners=self, deprecated and disabled included, read to the last page.</summary>
/// <remarks>ec2:DescribeImages</remarks>
internal static class ImageSource
{
    public const string Action = "DescribeImages";

    /// <summary>Fills <paramref name="images"/> (by id) as pages arrive, so a failure keeps what was read. Each page is
    /// mapped to <see cref="AmiImage"/> (strings shared through the context's pool) and then dropped: no SDK object
    /// outlives its page.</summary>
    public static Task ReadAsync(InventoryContext context, SourceRun run, Dictionary<string, AmiImage> images, CancellationToken cancellationToken) =>
        context.ReadAllAsync(
            run,
            Action,
            (ec2, token, ct) => ec2.DescribeImagesAsync(
                new DescribeImagesRequest
                {
                    Owners = ["self"],
                    IncludeDeprecated = true,
                    IncludeDisabled = true,
                    MaxResults = context.Options.ImagePageSize,
                    NextToken = token,
                },
                ct),
            response => response.NextToken,
            response =>
            {
                foreach (var image in response.Images ?? [])
                {
                    var mapped = Ec2ImageMapper.ToAmiImage(image, context.Region, context.Strings);
                    images[mapped.ImageId] = mapped;
                }

                run.Items = images.Count;
            },
            cancellationToken);
}
