using System.Globalization;
using AmiAutomation.Aws.RecycleBin;
using AmiAutomation.Core.Restorability;
using AmiAutomation.Simulation.Seeding;
using Amazon.Runtime;

namespace AmiAutomation.Simulation.Services;

/// <summary>The rbin rule API over the simulator's seeded rules (identifier = position, 11 characters; one page).</summary>
public sealed class SimulatedRecycleBinRules(Ec2Simulator simulator, string region) : IRecycleBinRules
{
    public Task<RetentionRulePage> ListRulesAsync(RetentionResourceType resourceType, string? nextToken, CancellationToken cancellationToken)
    {
        var rules = simulator.RecycleBinRules(region);
        var ids = Enumerable.Range(0, rules.Count).Where(i => Map(rules[i].ResourceType) == resourceType).Select(Identifier).ToList();
        return Task.FromResult(new RetentionRulePage(ids, null));
    }

    public Task<RetentionRule> GetRuleAsync(string identifier, CancellationToken cancellationToken)
    {
        var rules = simulator.RecycleBinRules(region);
        if (!identifier.StartsWith("rule", StringComparison.Ordinal)
            || !int.TryParse(identifier.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index >= rules.Count)
        {
            throw new AmazonServiceException($"Rule {identifier} does not exist.", ErrorType.Sender, "ResourceNotFoundException", "sim", System.Net.HttpStatusCode.NotFound);
        }

        var rule = rules[index];
        return Task.FromResult(new RetentionRule(identifier, Map(rule.ResourceType), rule.RetentionDays, IsAvailable: true)
        {
            ResourceTags = rule.ResourceTags,
            ExcludeResourceTags = rule.ExcludeResourceTags,
            Description = rule.Description,
        });
    }

    private static string Identifier(int index) => "rule" + index.ToString("D7", CultureInfo.InvariantCulture);

    private static RetentionResourceType Map(RecycleBinResourceType type) =>
        type == RecycleBinResourceType.EbsSnapshot ? RetentionResourceType.EbsSnapshot : RetentionResourceType.Ec2Image;
}
