namespace AmiAutomation.Core.Restore;

/// <summary>The steps of a restore, in the order they run.</summary>
public enum RestoreStepKind
{
    RestoreSnapshot,
    AwaitSnapshots,
    RestoreImage,
    ApplyTags,
    RemoveTags,
    AddLaunchPermissions,
    RemovePublicAccess,
    SetDeprecation,
    ClearDeprecation,
    MarkLedgerRestored,
}
