namespace AmiAutomation.Core.Protection;

/// <summary>
/// Which of the optional protections <see cref="ImageProtections"/> applies. The fixed ones (not owned, not
/// available/disabled, in use, keep tag, keep-until hold, deregistration protection, AWS Backup) always apply.
/// </summary>
/// <remarks>
/// Defaults are the strictest setting: public and instance store-backed images protected, DLM and Image Builder
/// images protected. Deprecation (not destructive) relaxes public and instance-store images and does not check recent
/// launches; expiry checks them all. Build these from a policy with <c>ToProtectionOptions()</c> so the planner and
/// the executor's re-check agree.
/// </remarks>
public sealed record ProtectionOptions
{
    /// <summary>Act on images managed by Amazon Data Lifecycle Manager. Default false.</summary>
    public bool IncludeDataLifecycleManagerImages { get; init; }

    /// <summary>Act on images managed by EC2 Image Builder. Default false.</summary>
    public bool IncludeImageBuilderImages { get; init; }

    /// <summary>Act on public images. Default false.</summary>
    public bool AllowPublic { get; init; }

    /// <summary>Act on instance store-backed images (their S3 bundle is never removed). Default false.</summary>
    public bool AllowInstanceStore { get; init; }

    /// <summary>Images shared with another account, an organization or an OU. Default <see cref="SharedImageRule.Keep"/>.</summary>
    public SharedImageRule SharedImages { get; init; } = SharedImageRule.Keep;

    /// <summary>Under <see cref="SharedImageRule.KeepUnlessUnused"/>: the oldest usage report (by creation time) that
    /// may say "unused". Default 7 days.</summary>
    public TimeSpan UsageReportMaxAge { get; init; } = TimeSpan.FromDays(7);

    /// <summary>An image whose launch permissions were not read (null) counts as shared. Default true (the executor's
    /// re-check, which always reads them). Planners turn it off to find the candidates whose permissions the sweep reads;
    /// <see cref="SharedImageCheck.KeepUnread"/> then keeps every candidate still unread.</summary>
    public bool ProtectUnreadLaunchPermissions { get; init; } = true;

    /// <summary>Protect images whose LastLaunchedTime lies within this window before now; null: not checked.</summary>
    public TimeSpan? RecentLaunchWindow { get; init; }
}
