using System.Globalization;
using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.RecycleBin;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace AmiAutomation.Cli.Explain;

/// <summary>
/// For an id no region's inventory (owned images) lists: is it someone else's image (DescribeImages by id), or in the
/// Recycle Bin (ListImagesInRecycleBin), or nowhere? Read-only; a call that fails only means that place is not known.
/// </summary>
/// <remarks>ec2:DescribeImages, ec2:ListImagesInRecycleBin.</remarks>
internal static class ExplainLookup
{
    public static async Task<ImageExplanation> FindAsync(IEc2ClientFactory clients, IReadOnlyList<string> regions, string accountId, string imageId, CancellationToken cancellationToken)
    {
        var unknown = new List<string>();
        foreach (var region in regions)
        {
            var client = clients.ForRegion(region);
            try
            {
                var response = await client.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [imageId], IncludeDeprecated = true }, cancellationToken);
                if (response.Images?.FirstOrDefault(i => i.ImageId == imageId) is { } image)
                {
                    return new ImageExplanation
                    {
                        ImageId = imageId,
                        Status = ImageExplanation.NotOwned,
                        Region = region,
                        Name = image.Name,
                        OwnerId = image.OwnerId,
                        Message = $"{imageId} in {region} is owned by account {image.OwnerId}, not by {accountId}: the functions never act on it (NotOwned).",
                    };
                }
            }
            catch (AmazonServiceException ex) when (Ec2ErrorCodes.ImageGone.Contains(ex.ErrorCode ?? string.Empty) || ex.ErrorCode == "InvalidAMIID.Malformed")
            {
                // Not in this region: look in the bin.
            }
            catch (AmazonServiceException ex)
            {
                unknown.Add($"{region}: DescribeImages failed ({ex.ErrorCode})");
            }

            try
            {
                var binned = await new Ec2RecycleBin(client).ListImagesAsync([imageId], cancellationToken);
                if (binned.FirstOrDefault(b => b.ImageId == imageId) is { } entry)
                {
                    var until = entry.ExitsAt is { } exits ? " until " + ExplanationBuilder.Time(exits) : string.Empty;
                    return new ImageExplanation
                    {
                        ImageId = imageId,
                        Status = ImageExplanation.InRecycleBin,
                        Region = region,
                        Name = entry.Name,
                        Message = $"{imageId} ({entry.Name}) was deregistered and is in the Recycle Bin of {region}{until}: restore it with 'ami-automation restore {imageId} --region {region}'.",
                    };
                }
            }
            catch (AmazonServiceException ex)
            {
                unknown.Add($"{region}: the Recycle Bin could not be listed ({ex.ErrorCode})");
            }
        }

        var notes = unknown.Count > 0 ? " (" + string.Join("; ", unknown) + ")" : string.Empty;
        return new ImageExplanation
        {
            ImageId = imageId,
            Status = ImageExplanation.NotFound,
            Message = string.Create(CultureInfo.InvariantCulture,
                $"{imageId} was not found in {string.Join(", ", regions)}: not among account {accountId}'s images, not visible to it, not in the Recycle Bin{notes}. Check the id and --region."),
        };
    }
}
