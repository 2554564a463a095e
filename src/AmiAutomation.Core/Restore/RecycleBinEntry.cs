using AmiAutomation.Core.Ledger;

namespace AmiAutomation.Core.Restore;

/// <summary>One AMI in the Recycle Bin joined with what the ledger knows about it (the <c>list</c> action).</summary>
public sealed record RecycleBinEntry
{
    public required BinnedImage Image { get; init; }

    /// <summary>The deregistration record; null when the image was deregistered by something else.</summary>
    public LedgerRecord? Ledger { get; init; }

    /// <summary>The ledger's family, else the family derived from the name.</summary>
    public required string Family { get; init; }

    public IReadOnlyList<BinEntrySnapshot> Snapshots { get; init; } = [];

    public SnapshotSource SnapshotSource { get; init; }
}
