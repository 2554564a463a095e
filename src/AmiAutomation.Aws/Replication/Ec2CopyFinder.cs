using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Mapping;
using AmiAutomation.Aws.Paging;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Replication;
using AmiAutomation.Core.Tagging;
using Amazon.EC2;
using Amazon.EC2.Model;
using LaunchPermission = AmiAutomation.Core.Images.LaunchPermission;

namespace AmiAutomation.Aws.Replication;

/// <summary>
/// The read side of copying: sources, existing copies, launch permissions. Everything is owner-scoped
/// (<c>Owners=self</c>) and includes deprecated and disabled images. EC2 errors propagate (the caller reports them).
/// </summary>
/// <remarks>ec2:DescribeImages, ec2:DescribeImageAttribute</remarks>
public sealed class Ec2CopyFinder
{
    private const string DescribeImages = "DescribeImages";
    private const string DescribeImageAttribute = "DescribeImageAttribute";

    private readonly ReplicationCalls _calls;
    private readonly Ec2ReplicatorOptions _options;

    public Ec2CopyFinder(IEc2ClientFactory clients, Ec2RateLimiterRegistry? limiters = null, Ec2ReplicatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _calls = new ReplicationCalls(clients, limiters);
        _options = options ?? Ec2ReplicatorOptions.Default;
    }

    /// <summary>One image by id; null when EC2 does not know it (any more).</summary>
    /// <remarks>ec2:DescribeImages</remarks>
    public async Task<AmiImage?> DescribeImageAsync(string region, string imageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(imageId);
        try
        {
            var response = await _calls.SendAsync(
                region,
                DescribeImages,
                Ec2ActionClass.Describe,
                (ec2, ct) => ec2.DescribeImagesAsync(
                    new DescribeImagesRequest { ImageIds = [imageId], IncludeDeprecated = true, IncludeDisabled = true }, ct),
                cancellationToken);
            var image = response.Images?.FirstOrDefault(i => string.Equals(i.ImageId, imageId, StringComparison.Ordinal));
            return image is null ? null : Ec2ImageMapper.ToAmiImage(image, region);
        }
        catch (AmazonEC2Exception ex) when (Ec2ErrorCodes.ImageGone.Contains(ex.ErrorCode ?? string.Empty))
        {
            return null;
        }
    }

    /// <summary>The image's launch permissions (accounts, organisations, OUs, group <c>all</c>).</summary>
    /// <remarks>ec2:DescribeImageAttribute (attribute launchPermission)</remarks>
    public async Task<IReadOnlyList<LaunchPermission>> GetLaunchPermissionsAsync(string region, string imageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(imageId);
        var response = await _calls.SendAsync(
            region,
            DescribeImageAttribute,
            Ec2ActionClass.Describe,
            (ec2, ct) => ec2.DescribeImageAttributeAsync(
                new DescribeImageAttributeRequest { ImageId = imageId, Attribute = ImageAttributeName.LaunchPermission }, ct),
            cancellationToken);
        return LaunchPermissionMapper.ToCore(response.ImageAttribute?.LaunchPermissions);
    }

    /// <summary>Copies of <paramref name="sourceImageId"/> in <paramref name="region"/>: by lineage tag and, unless
    /// switched off, by EC2's <c>source-image-id</c>. Failed and pending copies included.</summary>
    /// <remarks>ec2:DescribeImages</remarks>
    public async Task<IReadOnlyList<AmiImage>> FindCopiesAsync(string region, string sourceImageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceImageId);
        var found = new Dictionary<string, AmiImage>(StringComparer.Ordinal);
        await ListAsync(region, new Filter("tag:" + TagNames.SourceImage, [sourceImageId]), found, cancellationToken);
        if (_options.FindCopiesBySourceImage)
        {
            await ListAsync(region, new Filter("source-image-id", [sourceImageId]), found, cancellationToken);
        }

        return [.. found.Values.Where(i => CopyLineage.IsCopyOf(i, sourceImageId)).OrderBy(i => i.CreationDate)];
    }

    /// <summary>Every copy in <paramref name="region"/> whose source lives in <paramref name="sourceRegion"/>
    /// (lineage tag, and unless switched off EC2's <c>source-image-region</c>): the reconciler's view of a destination.</summary>
    /// <remarks>ec2:DescribeImages</remarks>
    public async Task<IReadOnlyList<AmiImage>> ListCopiesFromAsync(string region, string sourceRegion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceRegion);
        var found = new Dictionary<string, AmiImage>(StringComparer.Ordinal);
        await ListAsync(region, new Filter("tag:" + TagNames.SourceRegion, [sourceRegion]), found, cancellationToken);
        if (_options.FindCopiesBySourceImage)
        {
            await ListAsync(region, new Filter("source-image-region", [sourceRegion]), found, cancellationToken);
        }

        return [.. found.Values.Where(CopyLineage.IsCopy).OrderBy(i => i.CreationDate)];
    }

    /// <summary>Every image the account owns in <paramref name="region"/>, read to the last page.</summary>
    /// <remarks>ec2:DescribeImages</remarks>
    public async Task<IReadOnlyList<AmiImage>> ListOwnedImagesAsync(string region, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, AmiImage>(StringComparer.Ordinal);
        await ListAsync(region, null, found, cancellationToken);
        return [.. found.Values];
    }

    /// <summary>Owned images with exactly this name (EC2 names are unique per region: zero or one).</summary>
    /// <remarks>ec2:DescribeImages</remarks>
    public async Task<IReadOnlyList<AmiImage>> FindByNameAsync(string region, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var found = new Dictionary<string, AmiImage>(StringComparer.Ordinal);
        await ListAsync(region, new Filter("name", [name]), found, cancellationToken);
        return [.. found.Values.Where(i => string.Equals(i.Name, name, StringComparison.Ordinal))];
    }

    private Task ListAsync(string region, Filter? filter, Dictionary<string, AmiImage> found, CancellationToken cancellationToken) =>
        Pager.ReadAllAsync(
            DescribeImages,
            (token, ct) => _calls.SendAsync(
                region,
                DescribeImages,
                Ec2ActionClass.Describe,
                (ec2, c) => ec2.DescribeImagesAsync(
                    new DescribeImagesRequest
                    {
                        Owners = ["self"],
                        Filters = filter is null ? null : [filter],
                        IncludeDeprecated = true,
                        IncludeDisabled = true,
                        MaxResults = _options.PageSize,
                        NextToken = token,
                    },
                    c),
                ct),
            response => response.NextToken,
            response =>
            {
                foreach (var image in response.Images ?? [])
                {
                    var mapped = Ec2ImageMapper.ToAmiImage(image, region);
                    found[mapped.ImageId] = mapped;
                }
            },
            _options.MaxPagesPerListing,
            cancellationToken);
}
