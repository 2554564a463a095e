namespace AmiAutomation.Cli.Planning;

/// <summary>What <c>plan</c> found: per region, the inventory's sources and each function's decisions. Read-only.</summary>
public sealed record PlanReport
{
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The time the planners were asked about (<c>--at</c>; equals <see cref="GeneratedAt"/> without it).</summary>
    public required DateTimeOffset PlannedFor { get; init; }

    public required string Function { get; init; }
    public required IReadOnlyList<RegionPlan> Regions { get; init; }

    /// <summary>True when every region's inventory was complete (else destructive actions are blocked: fail closed).</summary>
    public bool Complete => Regions.All(r => r.InventoryComplete);
}

public sealed record RegionPlan
{
    public required string Region { get; init; }
    public required string AccountId { get; init; }
    public required int Images { get; init; }
    public required int References { get; init; }
    public required bool InventoryComplete { get; init; }
    public required IReadOnlyList<PlanSource> Sources { get; init; }
    public required IReadOnlyList<FunctionPlan> Functions { get; init; }
}

public sealed record PlanSource(string Source, string Status, int Items, int Calls, string? Error);

public sealed record FunctionPlan
{
    public required string Function { get; init; }

    /// <summary>Images the function would act on.</summary>
    public required int Actions { get; init; }

    /// <summary>Of those, destructive (deregistrations).</summary>
    public required int Destructive { get; init; }

    /// <summary>Action → primary reason → images (skips under <c>None</c>).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts { get; init; }

    /// <summary>Every acting decision, plus skips blocked by an incomplete inventory.</summary>
    public required IReadOnlyList<PlanDecision> Decisions { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];
}

public sealed record PlanDecision(
    string ImageId,
    string Name,
    string Family,
    string Action,
    IReadOnlyList<string> Reasons,
    DateTimeOffset? DeprecateAt,
    string? TargetRegion);
