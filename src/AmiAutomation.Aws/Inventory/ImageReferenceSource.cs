using AmiAutomation.Core.References;
using Amazon.EC2.Model;
using ImageReference = AmiAutomation.Core.References.ImageReference;

namespace AmiAutomation.Aws.Inventory;

/// <summary>
/// DescribeImageReferences for every owned image, ≤ 10 ids per call, all resource types (SSM parameters, Image Builder
/// recipes, instances, launch templates): one batch per ten images, nothing per image.
/// </summary>
/// <remarks>ec2:DescribeImageReferences plus each resource type's describe permission
/// (AmazonEC2ImageReferencesAccessPolicy).</remarks>
internal static class ImageReferenceSource
{
    public const string Action = "DescribeImageReferences";

    public static async Task ReadAsync(
        InventoryContext context,
        SourceRun run,
        IReadOnlyList<string> imageIds,
        List<ImageReference> references,
        CancellationToken cancellationToken)
    {
        foreach (var batch in imageIds.Chunk(context.Options.ImageReferenceBatchSize))
        {
            await context.ReadAllAsync(
                run,
                Action,
                (ec2, token, ct) => ec2.DescribeImageReferencesAsync(
                    new DescribeImageReferencesRequest
                    {
                        ImageIds = [.. batch],
                        IncludeAllResourceTypes = true,
                        MaxResults = context.Options.ImageReferencePageSize,
                        NextToken = token,
                    },
                    ct),
                response => response.NextToken,
                response =>
                {
                    foreach (var reference in response.ImageReferences ?? [])
                    {
                        if (string.IsNullOrEmpty(reference.ImageId))
                        {
                            continue;
                        }

                        run.Items++;
                        references.Add(new ImageReference(
                            reference.ImageId,
                            ReferenceKind.ImageReferencesApi,
                            reference.Arn ?? reference.ResourceType?.Value ?? "(unknown resource)"));
                    }
                },
                cancellationToken);
        }
    }
}
