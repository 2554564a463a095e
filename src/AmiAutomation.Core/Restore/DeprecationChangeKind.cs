namespace AmiAutomation.Core.Restore;

public enum DeprecationChangeKind
{
    None,

    /// <summary>EnableImageDeprecation at <see cref="DeprecationChange.At"/>.</summary>
    Set,

    /// <summary>DisableImageDeprecation.</summary>
    Clear,
}
