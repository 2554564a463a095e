using System.Globalization;
using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Paging;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.References;
using Amazon.EC2;
using Amazon.EC2.Model;
using ImageReference = AmiAutomation.Core.References.ImageReference;

namespace AmiAutomation.Aws.Execution;

/// <summary>
/// Launch templates created, or given new versions, after the inventory read them: DescribeLaunchTemplates (every page)
/// and, only for a template whose LatestVersionNumber is above the highest version already read, its versions from the
/// next one on (MinVersion). Version numbers only grow, so nothing older can have changed. Without the inventory's
/// watermarks every version is read once; later refreshes are incremental too.
/// </summary>
/// <remarks>ec2:DescribeLaunchTemplates, ec2:DescribeLaunchTemplateVersions (ResolveAlias: ssm:GetParameters)</remarks>
internal sealed class ChangedLaunchTemplateReader(IAmazonEC2 client, Ec2RateLimiter limiter, IReadOnlyDictionary<string, long>? seen)
{
    private const int PageSize = 200;
    private const int MaxPages = 10_000;
    private readonly Dictionary<string, long> _seen = seen is null
        ? new Dictionary<string, long>(StringComparer.Ordinal)
        : new Dictionary<string, long>(seen, StringComparer.Ordinal);

    /// <summary>Adds a reference for every version read since the last refresh that names an image. The watermarks move
    /// only when the whole refresh succeeded, so a failed one is read again in full.</summary>
    /// <exception cref="PagingTruncatedException">A listing did not end cleanly (a token loop, or a single full page of
    /// templates without a NextToken that the one-fewer probe does not page either).</exception>
    /// <exception cref="InvalidOperationException">A new version names an image that EC2 did not resolve.</exception>
    public async Task RefreshAsync(Dictionary<string, List<ImageReference>> byImage, CancellationToken cancellationToken)
    {
        var changed = new List<(string Id, long Seen)>();
        await Pager.ReadAllAsync(
            LaunchTemplateSource.ListAction,
            (token, ct) => ListAsync(PageSize, token, ct),
            response => response.NextToken,
            response =>
            {
                foreach (var template in (response.LaunchTemplates ?? []).Where(t => !string.IsNullOrEmpty(t.LaunchTemplateId)))
                {
                    var known = _seen.GetValueOrDefault(template.LaunchTemplateId);
                    if (template.LatestVersionNumber is not { } latest || latest > known)
                    {
                        changed.Add((template.LaunchTemplateId, known));
                    }
                }
            },
            MaxPages,
            cancellationToken,
            // As the inventory: a single full page without a token is probed with one template fewer, so an account with
            // exactly a page of templates is re-checked (not failed every time); an endpoint that cuts short still throws.
            new PageSizeCheck<DescribeLaunchTemplatesResponse>(
                PageSize,
                response => response.LaunchTemplates?.Count ?? 0,
                (size, ct) => ListAsync(size, null, ct)));

        var read = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (templateId, known) in changed)
        {
            try
            {
                await ReadVersionsAsync(templateId, known, byImage, read, cancellationToken);
            }
            catch (AmazonEC2Exception ex) when (ex.ErrorCode is not null && Ec2ErrorCodes.LaunchTemplateGone.Contains(ex.ErrorCode))
            {
                // Deleted since the listing: it launches nothing any more.
            }
        }

        foreach (var (templateId, version) in read)
        {
            _seen[templateId] = version;
        }
    }

    private async Task<DescribeLaunchTemplatesResponse> ListAsync(int pageSize, string? token, CancellationToken cancellationToken)
    {
        await limiter.AcquireAsync(LaunchTemplateSource.ListAction, Ec2ActionClass.Describe, cancellationToken);
        return await client.DescribeLaunchTemplatesAsync(
            new DescribeLaunchTemplatesRequest { MaxResults = pageSize, IncludeManagedResources = true, NextToken = token },
            cancellationToken);
    }

    private Task ReadVersionsAsync(
        string templateId, long known, Dictionary<string, List<ImageReference>> byImage, Dictionary<string, long> read, CancellationToken cancellationToken) =>
        Pager.ReadAllAsync(
            LaunchTemplateSource.VersionsAction,
            async (token, ct) =>
            {
                await limiter.AcquireAsync(LaunchTemplateSource.VersionsAction, Ec2ActionClass.Describe, ct);
                return await client.DescribeLaunchTemplateVersionsAsync(
                    new DescribeLaunchTemplateVersionsRequest
                    {
                        LaunchTemplateId = templateId,
                        MinVersion = known > 0 ? (known + 1).ToString(CultureInfo.InvariantCulture) : null,
                        MaxResults = PageSize,
                        ResolveAlias = true,
                        IncludeManagedResources = true,
                        NextToken = token,
                    },
                    ct);
            },
            response => response.NextToken,
            response =>
            {
                foreach (var version in response.LaunchTemplateVersions ?? [])
                {
                    if (version.VersionNumber is { } number && number > Math.Max(known, read.GetValueOrDefault(templateId)))
                    {
                        read[templateId] = number;
                    }

                    var imageId = version.LaunchTemplateData?.ImageId;
                    if (string.IsNullOrEmpty(imageId))
                    {
                        continue;
                    }

                    var resourceId = LaunchTemplateSource.ResourceId(version.LaunchTemplateId ?? templateId, version.VersionNumber);
                    if (!imageId.StartsWith("ami-", StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"launch template version {resourceId} names '{imageId}', which EC2 did not resolve to an image id");
                    }

                    RecheckListing.Add(byImage, new ImageReference(imageId, ReferenceKind.LaunchTemplateVersion, resourceId));
                }
            },
            MaxPages,
            cancellationToken);
}
