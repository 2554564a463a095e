namespace AmiAutomation.Core.Planning;

/// <summary>
/// Why a decision acts or skips. Names are stable: they appear in logs, summaries and metric dimensions.
/// </summary>
public enum ReasonCode
{
    // --- protections: never acted on, whatever the policy ---
    NotOwned,
    InUse,
    KeepTag,
    HeldUntil,
    DeregistrationProtected,
    ManagedByDataLifecycleManager,
    ManagedByAwsBackup,
    ManagedByImageBuilder,
    NewestInFamily,
    LastOfFamily,
    RecentlyLaunched,
    PublicImage,

    /// <summary>Launch permissions for another account, an organization or an OU (or not readable); see SharedImageRule.</summary>
    SharedImage,
    InstanceStoreBacked,
    NotAvailable,

    /// <summary>A time EC2 reported for the image (creation date, deprecation or last launch) could not be read: its age
    /// is unknown, so it is never acted on.</summary>
    UnreadableTime,
    InventoryIncomplete,
    BlastRadiusCapReached,

    // --- selection ---
    NotSelected,
    NotDue,

    // --- deprecation ---
    OlderThanMaxAge,
    SupersededByNewer,
    FollowsSourceDeprecation,
    AlreadyDeprecatedEarlier,
    DeprecationSetByHand,
    DeprecationClamped,

    /// <summary>The policy allows moving a deprecation time set earlier (by hand or otherwise) and this plan moves it earlier.</summary>
    DeprecationMovedEarlier,

    /// <summary>A public image more than 2 years old: EC2 refuses every deprecation time for it (at most 2 years after
    /// creation for public images), so it is skipped instead of failing every run.</summary>
    PublicPastDeprecationLimit,

    // --- expiry ---
    DeprecatedLongEnough,
    ExpiresAtPassed,
    OlderThanRetention,

    // --- copy ---
    CopyToTag,
    CopyPolicy,
    IsOwnCopy,
    TargetIsOwnRegion,
    AlreadyCopied,
    CopyPending,
    CopyFailed,
    CopyNeedsFinishing,

    /// <summary>Destinations named in a manual copy request.</summary>
    CopyRequested,

    // --- restore ---
    InRecycleBin,
    AlreadyRestored,

    // --- disable stage (expire) ---

    /// <summary>Available and deprecated at least DISABLE_AFTER_DEPRECATED_DAYS: disabled (the scream test).</summary>
    DeprecatedLongEnoughToDisable,

    /// <summary>Disabled at least EXPIRE_AFTER_DISABLED_DAYS ago by the ledger's disable record.</summary>
    DisabledLongEnough,

    /// <summary>With the disable stage on: not disabled, not disabled long enough, or the disable not dated by the
    /// ledger (disabled by hand, unconfirmed, or a disable time in the future).</summary>
    NotDisabledLongEnough,

    /// <summary>The ledger's disable records could not be read: nothing disabled, no disabled image deregistered.</summary>
    DisableRecordsUnreadable,
}
