namespace AmiAutomation.Functions.Expire;

/// <summary>What the check after a deregistration learned about one image or snapshot.</summary>
public enum BinStatus
{
    /// <summary>Listed in the Recycle Bin: restorable until its exit time.</summary>
    InBin,

    /// <summary>The listing answered, and the resource was not in it when the wait ended: deleted for good.</summary>
    NotInBin,

    /// <summary>The listing failed (denied, throttled, deadline): the resource may well be in the bin; nobody knows.</summary>
    CouldNotCheck,
}
