namespace AmiAutomation.Core.Ledger;

/// <summary>Where a <see cref="DisableRecord"/> stands.</summary>
public enum DisableRecordStatus
{
    /// <summary>Written; DisableImage not confirmed (it may have failed, or the status write after it did).</summary>
    PendingDisable,
    Disabled,

    /// <summary>Enabled again by the enable operation (the launch permissions were re-applied from the record).</summary>
    Enabled,
}
