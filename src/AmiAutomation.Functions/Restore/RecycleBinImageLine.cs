namespace AmiAutomation.Functions.Restore;

/// <summary>One AMI in the Recycle Bin (the <c>list</c> action) with what the ledger knows about it.</summary>
public sealed record RecycleBinImageLine
{
    public required string ImageId { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }

    /// <summary>When it entered the bin (was deregistered).</summary>
    public DateTimeOffset? EnteredAt { get; init; }

    /// <summary>When the bin purges it for good: restore before then.</summary>
    public DateTimeOffset? ExitsAt { get; init; }

    /// <summary>The ledger's family, else the family derived from the name.</summary>
    public required string Family { get; init; }

    /// <summary>False when the image was deregistered by something else than the expire function.</summary>
    public bool InLedger { get; init; }

    /// <summary>The ledger's record time (just before deregistration), its run id, reasons and status.</summary>
    public DateTimeOffset? RecordedAt { get; init; }
    public string? RunId { get; init; }
    public IReadOnlyList<string>? Reasons { get; init; }
    public string? LedgerStatus { get; init; }

    /// <summary><c>Ledger</c> or <c>Description</c> (no ledger record: snapshots whose description names the image).</summary>
    public required string SnapshotSource { get; init; }

    public IReadOnlyList<RecycleBinSnapshotLine> Snapshots { get; init; } = [];
}
