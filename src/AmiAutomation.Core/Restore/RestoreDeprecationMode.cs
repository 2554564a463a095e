namespace AmiAutomation.Core.Restore;

/// <summary>What a restore does with the image's deprecation time (<c>RESTORE_DEPRECATION</c>).</summary>
public enum RestoreDeprecationMode
{
    /// <summary>Default: as the ledger recorded it. A recorded time still ahead is set again; a recorded time
    /// already past means "deprecated", so the image is deprecated (again) a minute from now; no recorded time
    /// clears any deprecation. Without a ledger record the deprecation is left as EC2 restored it.</summary>
    Ledger,

    /// <summary>Leave whatever EC2 restored (undocumented by AWS).</summary>
    Keep,

    /// <summary>Remove any deprecation: the image is wanted back in use.</summary>
    Clear,
}
