using AmiAutomation.Core.Restorability;
using Amazon.Runtime;

namespace AmiAutomation.Aws.RecycleBin;

/// <summary>
/// Reads every retention rule for EC2_IMAGE and EBS_SNAPSHOT: every ListRules page, then GetRule per identifier
/// (summaries carry no tags and no status: https://docs.aws.amazon.com/recyclebin/latest/APIReference/API_RuleSummary.html).
/// Any failure, or more pages than the 250-rule quota can fill, throws <see cref="RetentionRulesUnreadableException"/>:
/// the caller cannot know what is retained, so it must not delete anything.
/// </summary>
/// <remarks>rbin:ListRules, rbin:GetRule.</remarks>
public sealed class RetentionRuleReader(IRecycleBinRules client)
{
    /// <summary>Pages per resource type before the listing counts as runaway (250 rules per Region, pages of ≥ 1).</summary>
    public const int MaxPages = 300;

    /// <exception cref="RetentionRulesUnreadableException">A call failed or the listing never ended.</exception>
    public async Task<IReadOnlyList<RetentionRule>> ReadAllAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var rules = new List<RetentionRule>();
        foreach (var type in new[] { RetentionResourceType.Ec2Image, RetentionResourceType.EbsSnapshot })
        {
            foreach (var id in await ListAsync(type, cancellationToken))
            {
                if (await GetAsync(id, cancellationToken) is { } rule)
                {
                    rules.Add(rule);
                }
            }
        }

        return rules;
    }

    private async Task<IReadOnlyList<string>> ListAsync(RetentionResourceType type, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        var pages = 0;
        do
        {
            if (++pages > MaxPages)
            {
                throw new RetentionRulesUnreadableException($"rbin:ListRules for {type.ApiName()} returned more than {MaxPages} pages; the listing looks endless");
            }

            RetentionRulePage page;
            try
            {
                page = await client.ListRulesAsync(type, token, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw new RetentionRulesUnreadableException($"rbin:ListRules for {type.ApiName()} failed: {Describe(ex)}", ex);
            }

            ids.AddRange(page.Identifiers.Where(seen.Add));
            token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (token is not null);

        return ids;
    }

    private async Task<RetentionRule?> GetAsync(string identifier, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetRuleAsync(identifier, cancellationToken);
        }
        catch (AmazonServiceException ex) when (ex.ErrorCode == "ResourceNotFoundException")
        {
            // Deleted between ListRules and GetRule: it retains nothing any more.
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new RetentionRulesUnreadableException($"rbin:GetRule {identifier} failed: {Describe(ex)}", ex);
        }
    }

    private static string Describe(Exception ex) => ex is AmazonServiceException service
        ? $"{service.ErrorCode ?? "error"} (HTTP {(int)service.StatusCode}): {service.Message}"
        : $"{ex.GetType().Name}: {ex.Message}";
}
