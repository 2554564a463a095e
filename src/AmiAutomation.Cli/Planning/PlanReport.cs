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

    /// <summary>The settings the planners used (defaults filled in), by the variable <c>--set</c> takes.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>One row per AMI, filtered and sorted as asked: images some function acts on, or every image with <c>--all</c>.</summary>
    public IReadOnlyList<PlanRow> Rows { get; init; } = [];

    /// <summary>True for <c>--all</c>: <see cref="Rows"/> lists kept images too.</summary>
    public bool AllImages { get; init; }

    /// <summary>True when the plan ran against the in-memory simulator (<c>--simulate</c>).</summary>
    public bool Simulated { get; init; }

    /// <summary>True when every region's inventory was complete (else destructive actions are blocked: fail closed).</summary>
    public bool Complete => Regions.All(r => r.InventoryComplete);
}
