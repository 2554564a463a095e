using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.References;
using Amazon.EC2;
using Amazon.EC2.Model;
using ImageReference = AmiAutomation.Core.References.ImageReference;

namespace AmiAutomation.Aws.Inventory;

/// <summary>
/// Every version of every launch template (an Auto Scaling group may pin any version, not only $Default/$Latest).
/// SSM aliases are resolved by EC2 (ResolveAlias); a value that still is no image id cannot protect anything, so the
/// source is reported Truncated. So is a listing that cannot be shown complete: a full last page without a NextToken,
/// or a template whose versions listing lacks its default or latest version (a known floor DescribeLaunchTemplates gives).
/// </summary>
/// <remarks>ec2:DescribeLaunchTemplates, ec2:DescribeLaunchTemplateVersions (and ssm:GetParameters for ResolveAlias)</remarks>
internal static class LaunchTemplateSource
{
    public const string ListAction = "DescribeLaunchTemplates";
    public const string VersionsAction = "DescribeLaunchTemplateVersions";
    private const int ListedUnresolved = 5;

    /// <summary>ResourceId of a version reference: <c>lt-0abc:7</c>.</summary>
    public static string ResourceId(string templateId, long? version) =>
        $"{templateId}:{version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}";

    /// <param name="versionsRead">Filled with the highest version read per template: the re-check reads only what came after.</param>
    public static async Task ReadAsync(
        InventoryContext context, SourceRun run, List<ImageReference> references, Dictionary<string, long> versionsRead, CancellationToken cancellationToken)
    {
        var templates = new Dictionary<string, LaunchTemplate>(StringComparer.Ordinal);
        await context.ReadAllAsync(
            run,
            ListAction,
            (ec2, token, ct) => ec2.DescribeLaunchTemplatesAsync(
                new DescribeLaunchTemplatesRequest
                {
                    MaxResults = context.Options.LaunchTemplatePageSize,
                    IncludeManagedResources = context.Options.IncludeManagedResources ? true : null,
                    NextToken = token,
                },
                ct),
            response => response.NextToken,
            response =>
            {
                foreach (var template in (response.LaunchTemplates ?? []).Where(t => !string.IsNullOrEmpty(t.LaunchTemplateId)))
                {
                    templates.TryAdd(template.LaunchTemplateId, template);
                }
            },
            cancellationToken,
            new(
                context.Options.LaunchTemplatePageSize,
                response => response.LaunchTemplates?.Count ?? 0,
                (size, ct) => context.SendAsync(run, ListAction, Ec2ActionClass.Describe, (ec2, c) => ec2.DescribeLaunchTemplatesAsync(
                    new DescribeLaunchTemplatesRequest { MaxResults = size, IncludeManagedResources = context.Options.IncludeManagedResources ? true : null },
                    c), ct)));

        var unresolved = new List<string>();
        var missing = new List<string>();
        foreach (var template in templates.Values)
        {
            try
            {
                var versions = new HashSet<long>();
                await ReadVersionsAsync(context, run, template.LaunchTemplateId, references, unresolved, versionsRead, versions, cancellationToken);
                foreach (var expected in new[] { template.DefaultVersionNumber, template.LatestVersionNumber })
                {
                    if (expected is { } number && !versions.Contains(number))
                    {
                        missing.Add(ResourceId(template.LaunchTemplateId, number));
                    }
                }
            }
            catch (AmazonEC2Exception ex) when (ex.ErrorCode is not null && Ec2ErrorCodes.LaunchTemplateGone.Contains(ex.ErrorCode))
            {
                // Deleted between the listing and this read: it references nothing any more.
            }
        }

        // A version that is both default and latest is named twice: count and list it once.
        var missingVersions = missing.Distinct(StringComparer.Ordinal).ToList();
        if (missingVersions.Count > 0)
        {
            run.Truncate(
                $"{missingVersions.Count} launch template version(s) that DescribeLaunchTemplates names as default or latest were not in the versions listing, "
                + $"so the listing was cut short: {string.Join(", ", missingVersions.Take(ListedUnresolved))}{(missingVersions.Count > ListedUnresolved ? ", …" : string.Empty)}");
        }

        if (unresolved.Count > 0)
        {
            run.Truncate(
                $"{unresolved.Count} launch template version(s) name an image that EC2 did not resolve to an image id, so the images they "
                + $"launch are unknown: {string.Join(", ", unresolved.Take(ListedUnresolved))}{(unresolved.Count > ListedUnresolved ? ", …" : string.Empty)}");
        }
    }

    private static Task ReadVersionsAsync(
        InventoryContext context,
        SourceRun run,
        string templateId,
        List<ImageReference> references,
        List<string> unresolved,
        Dictionary<string, long> versionsRead,
        HashSet<long> versions,
        CancellationToken cancellationToken) =>
        context.ReadAllAsync(
            run,
            VersionsAction,
            (ec2, token, ct) => ec2.DescribeLaunchTemplateVersionsAsync(
                new DescribeLaunchTemplateVersionsRequest
                {
                    LaunchTemplateId = templateId,
                    MaxResults = context.Options.LaunchTemplateVersionPageSize,
                    ResolveAlias = true,
                    IncludeManagedResources = context.Options.IncludeManagedResources ? true : null,
                    NextToken = token,
                },
                ct),
            response => response.NextToken,
            response =>
            {
                foreach (var version in response.LaunchTemplateVersions ?? [])
                {
                    run.Items++;
                    if (version.VersionNumber is { } number)
                    {
                        versions.Add(number);
                        if (number > versionsRead.GetValueOrDefault(templateId))
                        {
                            versionsRead[templateId] = number;
                        }
                    }

                    var imageId = version.LaunchTemplateData?.ImageId;
                    if (string.IsNullOrEmpty(imageId))
                    {
                        continue;
                    }

                    var resourceId = ResourceId(version.LaunchTemplateId ?? templateId, version.VersionNumber);
                    if (imageId.StartsWith("ami-", StringComparison.Ordinal))
                    {
                        references.Add(new ImageReference(imageId, ReferenceKind.LaunchTemplateVersion, resourceId));
                    }
                    else
                    {
                        unresolved.Add($"{resourceId} → {imageId}");
                    }
                }
            },
            cancellationToken,
            new(
                context.Options.LaunchTemplateVersionPageSize,
                response => response.LaunchTemplateVersions?.Count ?? 0,
                (size, ct) => context.SendAsync(run, VersionsAction, Ec2ActionClass.Describe, (ec2, c) => ec2.DescribeLaunchTemplateVersionsAsync(
                    new DescribeLaunchTemplateVersionsRequest
                    {
                        LaunchTemplateId = templateId,
                        MaxResults = size,
                        ResolveAlias = true,
                        IncludeManagedResources = context.Options.IncludeManagedResources ? true : null,
                    },
                    c), ct)));
}
