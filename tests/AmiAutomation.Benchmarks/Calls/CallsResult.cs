namespace AmiAutomation.Benchmarks.Calls;

/// <summary>What one fleet size gave: the inventory alone, then a full expire sweep in dry-run.</summary>
internal sealed record CallsResult
{
    public required int Images { get; init; }
    public required int ImagesWithLastLaunched { get; init; }
    public required ReferenceCensus Census { get; init; }
    public required ExpectedCalls Expected { get; init; }
    public required bool InventoryComplete { get; init; }
    public required PhaseCalls Inventory { get; init; }
    public required PhaseCalls Sweep { get; init; }
    public required int Decisions { get; init; }

    /// <summary>Deregister decisions of the sweep's plan (each is re-checked and sent with DryRun=true).</summary>
    public required int Acted { get; init; }

    public required IReadOnlyDictionary<string, int> Outcomes { get; init; }
}
