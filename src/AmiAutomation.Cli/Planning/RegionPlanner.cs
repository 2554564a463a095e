using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Regions;
using AmiAutomation.Aws.Replication;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Deprecation;
using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Families;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Replication;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Copy;
using AmiAutomation.Functions.Deprecate;
using AmiAutomation.Functions.Expire;
using Microsoft.Extensions.Logging;

namespace AmiAutomation.Cli.Planning;

/// <summary>
/// Plans one region with the functions' own pieces and nothing that writes: the inventory reader (fail closed), the
/// deprecation and expiry planners with the settings the deployed functions would read, and for copies the copy
/// planners over what the destinations hold. No executor, no EC2 call that changes anything.
/// </summary>
internal sealed class RegionPlanner(IEc2ClientFactory clients, IRegionalApiClients apis, Ec2RateLimiterRegistry limiters, ILogger logger)
{
    /// <param name="alsoRead">Images whose per-image references are read even when no rule would act on them
    /// (<c>explain</c> shows every reference of the images it is asked about).</param>
    public async Task<RegionResult> PlanAsync(
        string region, string function, DeprecateSettings deprecate, ExpireSettings expire, CopySettings copy,
        DateTimeOffset at, CancellationToken cancellationToken, IReadOnlyCollection<string>? alsoRead = null)
    {
        // Candidates first, as the functions read: per-image references only for what deprecate or expire would act on.
        var inventory = await new Ec2InventoryReader(clients, apis, limiters, logger)
            .ReadAsync(region, deprecate.Common.ToInventoryOptions(), fleet => Candidates(fleet, function, deprecate, expire, at, alsoRead), cancellationToken);
        var functions = new List<FunctionPlan>();
        var decisions = new Dictionary<string, IReadOnlyList<Decision>>(StringComparer.Ordinal);
        if (function is "deprecate" or "all")
        {
            decisions["deprecate"] = DeprecationPlanner.Plan(inventory, deprecate.Policy, PlanSelection.All, at).Decisions;
            functions.Add(Summarize("deprecate", decisions["deprecate"]));
        }

        if (function is "expire" or "all")
        {
            decisions["expire"] = ExpiryPlanner.Plan(inventory, expire.Policy, PlanSelection.All, at).Decisions;
            functions.Add(Summarize("expire", decisions["expire"]));
        }

        if ((function is "copy" or "all") && inventory.Sources.Single(s => s.Source == InventorySource.Images).IsComplete)
        {
            var (copyPlan, copyDecisions) = await PlanCopiesAsync(region, inventory, copy, at, cancellationToken);
            decisions["copy"] = copyDecisions;
            functions.Add(copyPlan);
        }

        var plan = new RegionPlan
        {
            Region = region,
            AccountId = inventory.AccountId,
            Images = inventory.Images.Count,
            References = inventory.References.Count,
            InventoryComplete = inventory.IsComplete,
            Sources = [.. inventory.Sources.Select(s => new PlanSource(s.Source.ToString(), s.Status.ToString(), s.Items, s.Calls, s.Error))],
            Functions = functions,
            Families = FamiliesOf(inventory, expire.Policy.CreateFamilyResolver()),
            ReferenceCoverage = SweepPlanner.Coverage(inventory),
        };
        return new RegionResult(plan, inventory, decisions);
    }

    private static HashSet<string> Candidates(InventorySnapshot fleet, string function, DeprecateSettings deprecate, ExpireSettings expire, DateTimeOffset at, IReadOnlyCollection<string>? alsoRead)
    {
        var candidates = new HashSet<string>(alsoRead ?? [], StringComparer.Ordinal);
        if (function is "deprecate" or "all")
        {
            candidates.UnionWith(DeprecationPlanner.Candidates(fleet, deprecate.Policy, PlanSelection.All, at));
        }

        if (function is "expire" or "all")
        {
            candidates.UnionWith(ExpiryPlanner.Candidates(fleet, expire.Policy, PlanSelection.All, at));
        }

        return candidates;
    }

    private async Task<(FunctionPlan Plan, IReadOnlyList<Decision> Decisions)> PlanCopiesAsync(string region, InventorySnapshot inventory, CopySettings settings, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var finder = new Ec2CopyFinder(clients, limiters);
        var context = new CopyPlanContext(settings.Policy, region, CopyTrigger.Reconcile, at, RegionName.IsValid);
        var decisions = new List<Decision>();
        var notes = new List<string>();
        foreach (var copy in inventory.Images.Where(CopyFinishPlanner.NeedsFinishing).OrderBy(i => i.CreationDate))
        {
            decisions.Add(new Decision
            {
                Image = copy,
                Family = settings.Families.Resolve(copy),
                Action = DecisionAction.FinishCopy,
                Reasons = [new DecisionReason(ReasonCode.CopyNeedsFinishing, $"our copy of {CopyLineage.SourceImageId(copy)} is available and not finished")],
            });
        }

        var sources = new List<(AmiImage Image, string Family, CopyTargetSelection Selection)>();
        foreach (var image in inventory.Images.OrderByDescending(i => i.CreationDate).ThenBy(i => i.ImageId, StringComparer.Ordinal))
        {
            var family = settings.Families.Resolve(image);
            var selection = CopyTargetResolver.Resolve(image, family, context);
            if (selection.IsSkipped)
            {
                decisions.Add(Decision.Skip(image, family, [.. selection.SourceSkip]));
            }
            else
            {
                sources.Add((image, family, selection));
            }
        }

        var known = new Dictionary<string, IReadOnlyList<AmiImage>>(StringComparer.Ordinal);
        foreach (var destination in sources.SelectMany(s => s.Selection.Regions).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            try
            {
                known[destination] = await finder.ListCopiesFromAsync(destination, region, cancellationToken);
            }
            catch (Amazon.Runtime.AmazonServiceException ex)
            {
                notes.Add($"could not list the copies in {destination} ({ex.ErrorCode}: {ex.Message}); no copies to {destination} are planned");
            }
        }

        foreach (var (image, family, selection) in sources)
        {
            var reachable = selection with { Regions = [.. selection.Regions.Where(known.ContainsKey)] };
            var copiesByRegion = reachable.Regions.ToDictionary(
                r => r,
                r => (IReadOnlyList<AmiImage>)[.. known[r].Where(c => CopyLineage.IsCopyOf(c, image.ImageId))],
                StringComparer.Ordinal);
            decisions.AddRange(CopyPlanner.Plan(image, family, reachable, copiesByRegion, context).Decisions);
        }

        return (Summarize("copy", decisions) with { Notes = notes }, decisions);
    }

    /// <summary>Every image of the inventory by family (the family tag, else the rule on the name), newest first.</summary>
    private static List<PlanFamily> FamiliesOf(InventorySnapshot inventory, FamilyResolver resolver) =>
        [.. inventory.Images
            .GroupBy(resolver.Resolve, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PlanFamily(g.Key, g.Count(), [.. g
                .OrderByDescending(i => i.CreationDate)
                .ThenByDescending(i => i.ImageId, StringComparer.Ordinal)
                .Select(i => new PlanFamilyImage(i.ImageId, i.Name, i.CreationDate))]))];

    private static FunctionPlan Summarize(string function, IReadOnlyList<Decision> decisions)
    {
        var counts = decisions
            .GroupBy(d => d.Action.ToString(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, int>)g.GroupBy(d => d.PrimaryReason.ToString(), StringComparer.Ordinal)
                    .OrderBy(r => r.Key, StringComparer.Ordinal)
                    .ToDictionary(r => r.Key, r => r.Count(), StringComparer.Ordinal),
                StringComparer.Ordinal);
        var listed = decisions
            .Where(d => d.Acts || d.Reasons.Any(r => r.Code == ReasonCode.InventoryIncomplete))
            .OrderByDescending(d => d.Acts)
            .ThenBy(d => d.Image.CreationDate)
            .ThenBy(d => d.Image.ImageId, StringComparer.Ordinal)
            .Select(d => new PlanDecision(d.Image.ImageId, d.Image.Name, d.Family, d.Action.ToString(),
                [.. d.Reasons.Select(r => r.ToString())], d.DeprecateAt, d.TargetRegion))
            .ToList();
        return new FunctionPlan
        {
            Function = function,
            Actions = decisions.Count(d => d.Acts),
            Destructive = decisions.Count(d => d.IsDestructive),
            Counts = counts,
            Decisions = listed,
        };
    }
}
