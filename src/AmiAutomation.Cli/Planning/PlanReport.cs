namespace AmiAutomation.Cli.Planning;

/// <summary>What <c>plan</c> found: per region, the inventory's sources and each function's decisions. Read-only.</summary>
public sealed record PlanReport
{
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The time the planners were asked about (<c>--at</c>; equals <see cref="GeneratedAt"/> without it).</summary>
    public required DateTimeOffset PlannedFor { get; init; }

    public required string Function { get; init; }
    public required IReadOnlyList<RegionPlan> Regions { get; init; }

    /// <summary>Configurations that weaken a safety check, e.g. <c>no in-use check</c> (every reference source off).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>True when every region's inventory was complete (else destructive actions are blocked: fail closed).</summary>
    public bool Complete => Regions.All(r => r.InventoryComplete);
}
