using System.Globalization;
using AmiAutomation.Core.Deprecation;
using AmiAutomation.Core.Families;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Protection;
using AmiAutomation.Core.References;
using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Cli.Explain;

/// <summary>
/// Builds one <see cref="ImageExplanation"/> from what the planners decided and the evidence they read. Pure. Policy
/// stays in the core: the verdicts and reasons are the planners' own decisions, the protections come from
/// <see cref="ImageProtections"/> and <see cref="ProtectionChecklist"/>, the family from <see cref="FamilyStanding"/>,
/// the times from <see cref="RuleTimes"/>; this class only lines them up.
/// </summary>
internal static class ExplanationBuilder
{
    public static ImageExplanation Build(
        AmiImage image, InventorySnapshot inventory, IReadOnlyDictionary<string, IReadOnlyList<Decision>> decisions,
        DeprecationPolicy deprecate, ExpiryPolicy expire, DateTimeOffset at, string recycleBin)
    {
        var standing = FamilyStanding.Of(inventory.Images, image, expire.CreateFamilyResolver(), inventory.AccountId);
        var functions = new List<FunctionExplanation>();
        var deprecation = Single(decisions, "deprecate", image.ImageId);
        DateTimeOffset? deprecatedAt = image.DeprecationTime;
        if (deprecation is not null)
        {
            var explained = ExplainDeprecation(image, inventory, deprecation, deprecate, standing, at, out var projected);
            functions.Add(explained);
            deprecatedAt ??= projected;
        }

        if (Single(decisions, "expire", image.ImageId) is { } expiry)
        {
            functions.Add(ExplainExpiry(image, inventory, expiry, expire, standing, at, deprecatedAt));
        }

        if (decisions.TryGetValue("copy", out var copies))
        {
            functions.Add(ExplainCopies(copies.Where(d => d.Image.ImageId == image.ImageId).ToList()));
        }

        return new ImageExplanation
        {
            ImageId = image.ImageId,
            Status = ImageExplanation.Explained,
            Region = inventory.Region,
            Name = image.Name,
            OwnerId = image.OwnerId,
            State = image.State.ToString().ToLowerInvariant(),
            CreationDate = image.CreationDate,
            AgeDays = (long)Math.Floor((at - image.CreationDate).TotalDays),
            DeprecationTime = image.DeprecationTime,
            LastLaunchedTime = image.LastLaunchedTime,
            Tags = new SortedDictionary<string, string>(
                image.Tags.Where(t => t.Key.StartsWith(TagNames.Prefix, StringComparison.Ordinal)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
                StringComparer.Ordinal),
            References = [.. inventory.References.For(image.ImageId).Select(r => new ExplainReference(SourceOf(r.Kind), r.Kind.ToString(), r.ResourceId))],
            Sources = [.. inventory.Sources.Select(s => new ExplainSource(s.Source.ToString(),
                s.Source == InventorySource.ImageReferences && s.IsComplete && !inventory.PerImageReferencesRead(image.ImageId) ? "NotReadForThisImage" : s.Status.ToString(), s.Error))],
            Family = new ExplainFamily(standing.Family, standing.Rank, standing.RankedNewestFirst.Count, standing.Keepers,
                deprecate.KeepNewest, expire.KeepNewest,
                [.. standing.RankedNewestFirst.Take(Math.Max(deprecate.KeepNewest, expire.KeepNewest) + 1).Select(i => i.ImageId)]),
            Functions = functions,
            RecycleBin = recycleBin,
        };
    }

    private static FunctionExplanation ExplainDeprecation(
        AmiImage image, InventorySnapshot inventory, Decision decision, DeprecationPolicy policy, FamilyStanding standing,
        DateTimeOffset at, out DateTimeOffset? projected)
    {
        var protections = Protections(image, inventory, policy.ToProtectionOptions(), standing, policy.KeepNewest, at);
        var newer = standing.Rank is { } rank ? rank - 1 : standing.RankedNewestFirst.Count(i => FamilyIsNewer(i, image));
        var rules = RuleTimes.Deprecation(image, policy, newer)
            .Select(r => new ExplainCheck(r.Code.ToString(), Fired(decision, r.Code) || r.At <= at, r.Detail, r.At))
            .ToList();
        var held = protections.Where(p => p.Holds).Select(p => p.Code).ToList();
        var due = RuleTimes.Earliest(RuleTimes.Deprecation(image, policy, newer));
        projected = decision.Action == DecisionAction.Deprecate ? decision.DeprecateAt
            : due is { } d && held.Count == 0 ? DeprecationLimits.Target(d > at ? d : at, policy.DeprecateInDays)
            : null;
        string next;
        if (decision.Action == DecisionAction.Deprecate)
        {
            next = $"would be deprecated at {Time(decision.DeprecateAt)} by the next run";
        }
        else if (image.DeprecationTime is { } existing)
        {
            next = existing <= at ? $"deprecated since {Time(existing)}" : $"deprecation time {Time(existing)} is set; deprecated then";
        }
        else if (held.Count > 0)
        {
            next = $"kept while {string.Join(", ", held)} hold{(held.Count == 1 ? "s" : string.Empty)}" + Otherwise("due", due, at);
        }
        else if (decision.PrimaryReason != ReasonCode.NotDue)
        {
            next = $"due but blocked: {decision.Reasons[0]}";
        }
        else if (due is { } when)
        {
            next = $"due on {Time(when)}: deprecated then at {Time(DeprecationLimits.Target(when, policy.DeprecateInDays))}, if still unused and unprotected";
        }
        else
        {
            next = "no rule fires by time alone; deprecated once enough newer images exist (SupersededByNewer)";
        }

        return new FunctionExplanation
        {
            Function = "deprecate",
            Action = Action(decision),
            Reasons = [.. decision.Reasons.Select(r => r.ToString())],
            Protections = protections,
            Rules = rules,
            Next = next,
        };
    }

    private static FunctionExplanation ExplainExpiry(
        AmiImage image, InventorySnapshot inventory, Decision decision, ExpiryPolicy policy, FamilyStanding standing,
        DateTimeOffset at, DateTimeOffset? deprecatedAt)
    {
        var protections = Protections(image, inventory, policy.ToProtectionOptions(), standing, policy.KeepNewest, at);
        var lastOfFamily = decision.Reasons.FirstOrDefault(r => r.Code == ReasonCode.LastOfFamily);
        protections.Add(new(nameof(ReasonCode.LastOfFamily), lastOfFamily is not null || standing.Keepers <= 1,
            lastOfFamily?.Detail ?? $"{standing.Keepers} available-or-disabled image(s) in family '{standing.Family}'; the last one is never deregistered"));
        var rules = RuleTimes.Expiry(image, policy, deprecatedAt)
            .Select(r => new ExplainCheck(r.Code.ToString(), Fired(decision, r.Code) || r.At <= at,
                r.Code == ReasonCode.DeprecatedLongEnough && image.DeprecationTime is null && deprecatedAt is not null ? r.Detail + " (deprecation projected)" : r.Detail, r.At))
            .ToList();
        var eligible = RuleTimes.Earliest(RuleTimes.Expiry(image, policy, deprecatedAt));
        var held = protections.Where(p => p.Holds).Select(p => p.Code).ToList();
        string next;
        if (decision.Action == DecisionAction.Deregister)
        {
            next = "would be deregistered, with its snapshots, by the next run (into the Recycle Bin when a rule retains it)";
        }
        else if (held.Count > 0)
        {
            next = $"kept while {string.Join(", ", held)} hold{(held.Count == 1 ? "s" : string.Empty)}" + Otherwise("eligible for deregistration", eligible, at);
        }
        else if (decision.PrimaryReason != ReasonCode.NotDue)
        {
            next = $"eligible but blocked: {decision.Reasons[0]}";
        }
        else if (eligible is { } when)
        {
            next = $"eligible for deregistration on {Time(when)} if still unused and unprotected then";
        }
        else
        {
            next = "no expiry rule has a time yet (not deprecated, no expires-at tag, no retention): not deregistered";
        }

        return new FunctionExplanation
        {
            Function = "expire",
            Action = Action(decision),
            Reasons = [.. decision.Reasons.Select(r => r.ToString())],
            Protections = protections,
            Rules = rules,
            Next = next,
        };
    }

    private static FunctionExplanation ExplainCopies(IReadOnlyList<Decision> decisions)
    {
        var acting = decisions.Where(d => d.Acts).ToList();
        return new FunctionExplanation
        {
            Function = "copy",
            Action = acting.Count > 0 ? acting[0].Action.ToString() : "keep",
            Reasons = [.. decisions.SelectMany(d => d.Reasons.Select(r => d.TargetRegion is { } to ? $"{r} (to {to})" : r.ToString())).Distinct(StringComparer.Ordinal)],
            Next = acting.Count > 0
                ? $"would {string.Join(", ", acting.Select(d => d.TargetRegion is { } to ? $"copy to {to}" : d.Action.ToString()))} in the next run"
                : decisions.Count == 0 ? "no copy rule applies" : "nothing to copy: " + decisions[0].Reasons[0],
        };
    }

    /// <summary>Every protection the function checks, holding or not, plus newest K (from the family standing).</summary>
    private static List<ExplainCheck> Protections(AmiImage image, InventorySnapshot inventory, ProtectionOptions options, FamilyStanding standing, int keepNewest, DateTimeOffset at)
    {
        // As the planners' gate: unread launch permissions are not a protection at plan time (the executor reads them).
        var gate = options with { ProtectUnreadLaunchPermissions = false };
        var holding = ImageProtections.Evaluate(image, inventory.AccountId, inventory.References, gate, at).ToDictionary(r => r.Code, r => r.Detail);
        var checks = ProtectionChecklist.Checked(gate)
            .Select(code => new ExplainCheck(code.ToString(), holding.ContainsKey(code), holding.TryGetValue(code, out var detail) ? detail : "does not hold"))
            .ToList();
        checks.Add(new(nameof(ReasonCode.NewestInFamily), standing.IsAmongNewest(keepNewest),
            standing.Rank is { } rank
                ? $"number {rank} of {standing.RankedNewestFirst.Count} available image(s) of family '{standing.Family}'; the newest {keepNewest} are kept"
                : $"not ranked in family '{standing.Family}' (not owned or not available)"));
        return checks;
    }

    private static Decision? Single(IReadOnlyDictionary<string, IReadOnlyList<Decision>> decisions, string function, string imageId) =>
        decisions.TryGetValue(function, out var list) ? list.FirstOrDefault(d => d.Image.ImageId == imageId) : null;

    private static bool Fired(Decision decision, ReasonCode code) => decision.Reasons.Any(r => r.Code == code);

    private static bool FamilyIsNewer(AmiImage other, AmiImage image) =>
        other.CreationDate > image.CreationDate || (other.CreationDate == image.CreationDate && string.CompareOrdinal(other.ImageId, image.ImageId) > 0);

    private static string Action(Decision decision) => decision.Acts ? decision.Action.ToString() : "keep";

    private static string Otherwise(string what, DateTimeOffset? when, DateTimeOffset at) =>
        when is not { } time ? string.Empty : time <= at ? $"; otherwise {what} since {Time(time)}" : $"; otherwise {what} on {Time(time)}";

    public static string SourceOf(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Instance => nameof(InventorySource.Instances),
        ReferenceKind.LaunchTemplateVersion => nameof(InventorySource.LaunchTemplates),
        ReferenceKind.ImageReferencesApi => nameof(InventorySource.ImageReferences),
        ReferenceKind.LaunchConfiguration => nameof(InventorySource.LaunchConfigurations),
        ReferenceKind.SpotRequest => nameof(InventorySource.SpotRequests),
        ReferenceKind.SpotFleet => nameof(InventorySource.SpotFleets),
        _ => "configuration",
    };

    public static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) : "never";
}
