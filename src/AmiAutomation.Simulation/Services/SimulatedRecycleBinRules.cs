using System.Globalization;
using AmiAutomation.Aws.RecycleBin;
using AmiAutomation.Core.Restorability;
using AmiAutomation.Simulation.Seeding;
using Amazon.Runtime;

namespace AmiAutomation.Simulation.Services;

/// <summary>
/// The rbin rule API over the simulator's rules: ListRules pages of <see cref="PageSize"/> identifiers (summaries carry
/// no tags and no status, as in AWS), GetRule the whole rule with status and lock state. Calls are recorded in
/// <see cref="Ec2Simulator.Calls"/> as <c>rbin:ListRules</c> / <c>rbin:GetRule</c> and honour the simulator's fault
/// injection and access policy (denial: <c>AccessDeniedException</c>, 403).
/// </summary>
public sealed class SimulatedRecycleBinRules(Ec2Simulator simulator, string region) : IRecycleBinRules
{
    /// <summary>Identifiers per ListRules page (small, so callers must page).</summary>
    public const int PageSize = 2;

    public Task<RetentionRulePage> ListRulesAsync(RetentionResourceType resourceType, string? nextToken, CancellationToken cancellationToken) =>
        simulator.InvokeRecycleBinAsync(
            region,
            "ListRules",
            state =>
            {
                var start = 0;
                if (nextToken is not null && (!int.TryParse(nextToken, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start < 0))
                {
                    throw new AmazonServiceException($"Invalid NextToken '{nextToken}'.", ErrorType.Sender, "ValidationException", "sim", System.Net.HttpStatusCode.BadRequest);
                }

                var ids = state.RecycleBinRules.Where(r => Map(r.ResourceType) == resourceType).Select(r => r.Identifier!).ToList();
                var page = ids.Skip(start).Take(PageSize).ToList();
                var next = start + PageSize < ids.Count ? (start + PageSize).ToString(CultureInfo.InvariantCulture) : null;
                return new RetentionRulePage(page, next);
            },
            cancellationToken);

    public Task<RetentionRule> GetRuleAsync(string identifier, CancellationToken cancellationToken) =>
        simulator.InvokeRecycleBinAsync(
            region,
            "GetRule",
            state =>
            {
                var rule = state.RecycleBinRules.Find(r => r.Identifier == identifier)
                    ?? throw new AmazonServiceException($"Rule {identifier} does not exist.", ErrorType.Sender, "ResourceNotFoundException", "sim", System.Net.HttpStatusCode.NotFound);
                return new RetentionRule(identifier, Map(rule.ResourceType), rule.RetentionDays, rule.IsAvailable)
                {
                    ResourceTags = rule.ResourceTags,
                    ExcludeResourceTags = rule.ExcludeResourceTags,
                    Description = rule.Description,
                    LockState = rule.LockState,
                };
            },
            cancellationToken);

    private static RetentionResourceType Map(RecycleBinResourceType type) =>
        type == RecycleBinResourceType.EbsSnapshot ? RetentionResourceType.EbsSnapshot : RetentionResourceType.Ec2Image;
}
