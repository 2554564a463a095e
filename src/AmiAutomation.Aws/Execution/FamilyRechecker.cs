using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Mapping;
using AmiAutomation.Aws.Paging;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Families;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Tagging;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Execution;

/// <summary>
/// Reads a family's owned images again right before a deregistration (deprecated and disabled included) and applies
/// <see cref="FamilyRecount"/>: newest K and last-of-family counted on what exists now, not on the plan's snapshot.
/// Anything that cannot be read fails closed (the image stays).
/// </summary>
/// <remarks>
/// <para>ec2:DescribeImages, Owners=self. Two filtered listings cover a family: <c>tag:ami-lifecycle:family</c> =
/// <c>*family*</c> (tagged members) and <c>name</c> = the resolver's <see cref="FamilyResolver.NameFilter"/> (members by
/// name: the built-in rule's family words in order, <c>web*1*</c>; a <c>family</c> group's <c>*family*</c>; with a strip
/// override pattern, which can cut a family out of the middle of a name, every owned image). Wildcards only widen the listing,
/// and every image read is resolved again, so over-matching is harmless; <c>*</c>, <c>?</c> and <c>\</c> in a family are
/// escaped. Filter wildcards: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Filtering.html</para>
/// <para>What remains between this read and DeregisterImage is milliseconds; the run lease keeps our own runs out of it.</para>
/// </remarks>
internal sealed class FamilyRechecker(string region, IAmazonEC2 client, Ec2RateLimiter limiter)
{
    private const int MaxPages = 1_000;

    /// <summary>Null when the image may go; otherwise the outcome that keeps it (SkippedOnRecheck or Failed).</summary>
    public async Task<FamilyRecheckResult?> CheckAsync(Decision decision, AmiImage current, FamilyKeepRule rule, string accountId, CancellationToken cancellationToken)
    {
        var family = decision.Family;
        var images = new Dictionary<string, AmiImage>(StringComparer.Ordinal);
        try
        {
            await ReadAsync([new Filter("tag:" + TagNames.Family, [Contains(family)])], images, cancellationToken);
            await ReadAsync(rule.NameFilter(family) is { } byName ? [new Filter("name", [byName])] : [], images, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (AmazonServiceException ex)
        {
            return new(false, Ec2ErrorCodes.CodeOf(ex), $"family re-count failed at DescribeImages: {Ec2ErrorCodes.Describe(ex)}; not deregistered");
        }
#pragma warning disable CA1031 // Fail closed: a family that cannot be counted keeps its image.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new(false, ex.GetType().Name, $"family re-count failed: {ex.Message}; not deregistered");
        }

        var reason = FamilyRecount.Check(current, family, [.. images.Values], rule, accountId);
        return reason is null ? null : new(true, null, reason.ToString());
    }

    /// <summary><c>*value*</c> with the filter wildcards of <paramref name="value"/> escaped.</summary>
    public static string Contains(string value) => "*" + FamilyResolver.EscapeWildcards(value) + "*";

    private Task ReadAsync(List<Filter> filters, Dictionary<string, AmiImage> images, CancellationToken cancellationToken) =>
        Pager.ReadAllAsync(
            "DescribeImages",
            async (token, ct) =>
            {
                await limiter.AcquireAsync("DescribeImages", Ec2ActionClass.Describe, ct);
                return await client.DescribeImagesAsync(
                    new DescribeImagesRequest
                    {
                        Owners = ["self"],
                        Filters = filters.Count > 0 ? filters : null,
                        IncludeDeprecated = true,
                        IncludeDisabled = true,
                        MaxResults = 1000,
                        NextToken = token,
                    },
                    ct);
            },
            response => response.NextToken,
            response =>
            {
                foreach (var image in response.Images ?? [])
                {
                    var mapped = Ec2ImageMapper.ToAmiImage(image, region);
                    images[mapped.ImageId] = mapped;
                }
            },
            MaxPages,
            cancellationToken);
}
