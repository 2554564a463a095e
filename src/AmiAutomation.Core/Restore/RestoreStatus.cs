namespace AmiAutomation.Core.Restore;

/// <summary>How a restore call ended.</summary>
public enum RestoreStatus
{
    /// <summary>The image is back, its recorded state re-applied, the hold set and the ledger marked.</summary>
    Restored,

    /// <summary>An earlier call finished the restore; nothing was changed.</summary>
    AlreadyRestored,

    /// <summary>The image is registered and was never in the Recycle Bin as far as the ledger knows; nothing was changed.</summary>
    AlreadyAvailable,

    /// <summary>Stopped part-way (deadline, throttling, a failed re-apply step): call again to resume.</summary>
    Partial,

    /// <summary>A dry run: EC2 DryRun calls only; the steps say what would happen.</summary>
    DryRun,

    /// <summary>EC2 or the ledger refused a step (see the failed step's error code); fix the cause and call again.</summary>
    Failed,
}
