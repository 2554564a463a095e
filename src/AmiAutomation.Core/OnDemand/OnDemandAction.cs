namespace AmiAutomation.Core.OnDemand;

/// <summary>What self-healing does for one image a failed launch needed.</summary>
public enum OnDemandAction
{
    /// <summary>Nothing (the decision's reason says why).</summary>
    None,

    /// <summary>EnableImage and re-apply the recorded launch permissions, then hold it.</summary>
    Enable,

    /// <summary>Restore it from the Recycle Bin as the ledger recorded it, then hold it.</summary>
    Restore,
}
