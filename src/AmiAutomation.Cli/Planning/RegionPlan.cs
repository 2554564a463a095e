namespace AmiAutomation.Cli.Planning;

/// <summary>One region's plan: the inventory sources, every image's family and the functions' plans.</summary>
public sealed record RegionPlan
{
    public required string Region { get; init; }
    public required string AccountId { get; init; }
    public required int Images { get; init; }
    public required int References { get; init; }
    public required bool InventoryComplete { get; init; }
    public required IReadOnlyList<PlanSource> Sources { get; init; }
    public required IReadOnlyList<FunctionPlan> Functions { get; init; }

    /// <summary>Every family of the region with its images (the expire function's family rule).</summary>
    public IReadOnlyList<PlanFamily> Families { get; init; } = [];

    /// <summary>Candidates first: which images DescribeImageReferences was read for (null: all); the other images' reasons may be partial.</summary>
    public string? ReferenceCoverage { get; init; }
}
