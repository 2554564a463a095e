namespace AmiAutomation.Core.Restore;

/// <summary>Where the restore learnt which snapshots an image needs.</summary>
public enum SnapshotSource
{
    /// <summary>The ledger record written before deregistration: complete.</summary>
    Ledger,

    /// <summary>No ledger record: snapshots whose EC2 description names the image (may be incomplete).</summary>
    Description,
}
