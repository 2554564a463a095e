using AmiAutomation.Core.Restorability;

namespace AmiAutomation.Aws.RecycleBin;

/// <summary>
/// The Recycle Bin's retention rules (the <c>rbin</c> API; AWSSDK.Recyclebin is not available to us: the production
/// implementation sits on our signed client; the simulator has its own). ListRules summaries carry no tags and no
/// status, so every rule that matters needs <see cref="GetRuleAsync"/>. Failures throw
/// <see cref="Amazon.Runtime.AmazonServiceException"/> (ErrorCode and StatusCode set).
/// </summary>
public interface IRecycleBinRules
{
    /// <summary>One ListRules page for <paramref name="resourceType"/>.</summary>
    /// <remarks>rbin:ListRules</remarks>
    Task<RetentionRulePage> ListRulesAsync(RetentionResourceType resourceType, string? nextToken, CancellationToken cancellationToken);

    /// <summary>The whole rule: resource tags, exclusion tags, status, retention, lock state.</summary>
    /// <remarks>rbin:GetRule</remarks>
    Task<RetentionRule> GetRuleAsync(string identifier, CancellationToken cancellationToken);
}
