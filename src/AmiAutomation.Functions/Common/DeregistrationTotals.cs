namespace AmiAutomation.Functions.Common;

/// <summary>What the expire function's deregistrations released, and the ledger records its deregistrations and disables
/// wrote (zero in dry runs).</summary>
public sealed record DeregistrationTotals
{
    public int Deregistered { get; init; }
    public int SnapshotsDeleted { get; init; }
    public double SnapshotGiBReleased { get; init; }

    /// <summary><see cref="SnapshotGiBReleased"/> × <c>SNAPSHOT_PRICE_PER_GIB_MONTH</c> (rounded to cents).</summary>
    public double EstimatedMonthlySavingUsd { get; init; }

    /// <summary>Snapshots left in place; not a failure (shared with another AMI, in use ...).</summary>
    public IReadOnlyList<SnapshotNotDeleted> SnapshotsNotDeleted { get; init; } = [];

    /// <summary>Ledger records written for this run (one per attempted deregistration).</summary>
    public int LedgerRecordsWritten { get; init; }

    /// <summary>Disable records written to the ledger for this run (one per attempted DisableImage of the disable stage).</summary>
    public int DisableRecordsWritten { get; init; }
}
