using AmiAutomation.Aws.RecycleBin;
using AmiAutomation.Core.Restorability;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>The rbin rule API over a fixed rule list (one page per type); <see cref="BeforeList"/> runs before each ListRules.</summary>
internal sealed class ScriptedRecycleBinRules(params RetentionRule[] rules) : IRecycleBinRules
{
    public Action? BeforeList { get; set; }

    public Task<RetentionRulePage> ListRulesAsync(RetentionResourceType resourceType, string? nextToken, CancellationToken cancellationToken)
    {
        BeforeList?.Invoke();
        return Task.FromResult(new RetentionRulePage([.. rules.Where(r => r.ResourceType == resourceType).Select(r => r.Identifier)], null));
    }

    public Task<RetentionRule> GetRuleAsync(string identifier, CancellationToken cancellationToken) =>
        Task.FromResult(rules.Single(r => r.Identifier == identifier));
}
