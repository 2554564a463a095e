using AmiAutomation.Core.Families;
using AmiAutomation.Core.Protection;

namespace AmiAutomation.Core.Policies;

/// <summary>
/// When the expire function deregisters an image (and its snapshots). Destructive, so every protection applies and
/// nothing happens when the inventory is incomplete. Dry-run is a function setting, not part of the policy.
/// </summary>
/// <remarks>
/// <para>An image is eligible when ANY enabled rule fires: deprecated for at least <see cref="DeprecatedForDays"/>;
/// its <c>ami-lifecycle:expires-at</c> tag has passed (<see cref="UseExpiresAtTag"/>); or at least
/// <see cref="RetentionDays"/> old. It is still never deregistered when protected (see
/// <see cref="ImageProtections"/>), among the newest <see cref="KeepNewest"/> available images of its family, launched
/// within <see cref="RecentLaunchDays"/>, the last available-or-disabled image of its family (also when several are
/// eligible in one run), or past the per-run cap <see cref="MaxDeregistrationsPerRun"/>.</para>
/// <para>Disabled images ARE candidates when otherwise eligible (disabling is the step before deregistration), but
/// they never count toward the newest K.</para>
/// <para>Defaults:</para>
/// <list type="table">
/// <item><term><see cref="DeprecatedForDays"/></term><description>30</description></item>
/// <item><term><see cref="UseExpiresAtTag"/></term><description>true</description></item>
/// <item><term><see cref="RetentionDays"/></term><description>null (off)</description></item>
/// <item><term><see cref="KeepNewest"/></term><description>3</description></item>
/// <item><term><see cref="RecentLaunchDays"/></term><description>30</description></item>
/// <item><term><see cref="MaxDeregistrationsPerRun"/></term><description>10</description></item>
/// <item><term><see cref="AllowPublic"/>, <see cref="AllowInstanceStore"/></term><description>false</description></item>
/// <item><term><see cref="IncludeDataLifecycleManagerImages"/>, <see cref="IncludeImageBuilderImages"/></term><description>false</description></item>
/// <item><term><see cref="SharedImages"/></term><description><see cref="SharedImageRule.Keep"/></description></item>
/// <item><term><see cref="UsageReportMaxAgeDays"/></term><description>7</description></item>
/// <item><term><see cref="FamilyPattern"/></term><description>null (the built-in rule of <see cref="FamilyResolver"/>)</description></item>
/// </list>
/// </remarks>
public sealed record ExpiryPolicy
{
    public const int MaxDays = 36_500;
    public const int MaxCount = 1_000;
    public const int MaxUsageReportAgeDays = 30;

    /// <summary>Eligible once the deprecation time lies at least this many days in the past (1–36500); null turns the
    /// rule off. Default 30.</summary>
    public int? DeprecatedForDays { get; init; } = 30;

    /// <summary>Eligible once the <c>ami-lifecycle:expires-at</c> tag's time has passed (an unreadable value never
    /// fires). Default true.</summary>
    public bool UseExpiresAtTag { get; init; } = true;

    /// <summary>Eligible once at least this many days old (1–36500); null turns the rule off. Default null.</summary>
    public int? RetentionDays { get; init; }

    /// <summary>The newest K available images of each family are never deregistered (1–1000). Default 3.</summary>
    public int KeepNewest { get; init; } = 3;

    /// <summary>Images launched within this many days are kept (1–36500). EC2's LastLaunchedTime lags up to 24 hours,
    /// hence at least 1. Default 30.</summary>
    public int RecentLaunchDays { get; init; } = 30;

    /// <summary>At most this many deregistrations per run (1–1000); later decisions (oldest first) are skipped with
    /// BlastRadiusCapReached. Default 10.</summary>
    public int MaxDeregistrationsPerRun { get; init; } = 10;

    /// <summary>Deregister public images too. Default false.</summary>
    public bool AllowPublic { get; init; }

    /// <summary>Deregister instance store-backed images too; their S3 bundle is left in place (the decision says
    /// where). Default false.</summary>
    public bool AllowInstanceStore { get; init; }

    /// <summary>Deregister images managed by Data Lifecycle Manager too. Default false.</summary>
    public bool IncludeDataLifecycleManagerImages { get; init; }

    /// <summary>Deregister images managed by EC2 Image Builder too. Default false.</summary>
    public bool IncludeImageBuilderImages { get; init; }

    /// <summary>Images shared with another account, an organization or an OU: kept (default
    /// <see cref="SharedImageRule.Keep"/>) or expired only when a fresh usage report shows no use
    /// (<see cref="SharedImageRule.KeepUnlessUnused"/>). <see cref="SharedImageRule.Allow"/> is not valid here.</summary>
    public SharedImageRule SharedImages { get; init; } = SharedImageRule.Keep;

    /// <summary>Under <see cref="SharedImageRule.KeepUnlessUnused"/>: a usage report may be at most this many days old
    /// (1–30; EC2 deletes reports after 30). Default 7.</summary>
    public int UsageReportMaxAgeDays { get; init; } = 7;

    /// <summary>Override of the family rule (see <see cref="FamilyResolver"/>); null for the default.</summary>
    public string? FamilyPattern { get; init; }

    /// <summary>The disable stage (1–36500 days; null = off, the default): an available image deprecated at least this
    /// many days, not in use and not protected, is disabled instead of deregistered; then only disabled images expire,
    /// once disabled at least <see cref="ExpireAfterDisabledDays"/> (docs/disable-stage.md).</summary>
    public int? DisableAfterDeprecatedDays { get; init; }

    /// <summary>With the disable stage on: a disabled image is deregistered only once the ledger dates its disable at
    /// least this many days back (1–36500), on top of the rules above. Default 30.</summary>
    public int ExpireAfterDisabledDays { get; init; } = 30;

    public bool DisableStageOn => DisableAfterDeprecatedDays is not null;

    /// <summary>Every problem with this policy, all at once.</summary>
    public PolicyValidation Validate()
    {
        var errors = new ValidationErrors(nameof(ExpiryPolicy));
        errors.OptionalRange(nameof(DeprecatedForDays), DeprecatedForDays, 1, MaxDays, " days");
        errors.OptionalRange(nameof(RetentionDays), RetentionDays, 1, MaxDays, " days");
        errors.Range(nameof(KeepNewest), KeepNewest, 1, MaxCount, " images");
        errors.Range(nameof(RecentLaunchDays), RecentLaunchDays, 1, MaxDays, " days (LastLaunchedTime lags up to 24 h)");
        errors.Range(nameof(MaxDeregistrationsPerRun), MaxDeregistrationsPerRun, 1, MaxCount, " images");
        errors.Pattern(nameof(FamilyPattern), FamilyPattern);
        errors.OptionalRange(nameof(DisableAfterDeprecatedDays), DisableAfterDeprecatedDays, 1, MaxDays, " days");
        errors.Range(nameof(ExpireAfterDisabledDays), ExpireAfterDisabledDays, 1, MaxDays, " days");
        errors.Range(nameof(UsageReportMaxAgeDays), UsageReportMaxAgeDays, 1, MaxUsageReportAgeDays, " days (EC2 deletes usage reports after 30)");
        if (SharedImages is not (SharedImageRule.Keep or SharedImageRule.KeepUnlessUnused))
        {
            errors.Add($"{nameof(ExpiryPolicy)}.{nameof(SharedImages)} must be {nameof(SharedImageRule.Keep)} or {nameof(SharedImageRule.KeepUnlessUnused)} (is {SharedImages}): shared images are never expired blindly.");
        }
        if (DeprecatedForDays is null && RetentionDays is null && !UseExpiresAtTag)
        {
            errors.Add($"{nameof(ExpiryPolicy)} has no rule: set {nameof(DeprecatedForDays)} or {nameof(RetentionDays)}, or turn on {nameof(UseExpiresAtTag)} (all were off).");
        }

        return errors.ToResult();
    }

    /// <summary>Expiry's protections: everything, with the opt-ins of this policy and the recent-launch window.</summary>
    public ProtectionOptions ToProtectionOptions() => new()
    {
        IncludeDataLifecycleManagerImages = IncludeDataLifecycleManagerImages,
        IncludeImageBuilderImages = IncludeImageBuilderImages,
        AllowPublic = AllowPublic,
        AllowInstanceStore = AllowInstanceStore,
        RecentLaunchWindow = TimeSpan.FromDays(RecentLaunchDays),
        SharedImages = SharedImages,
        UsageReportMaxAge = TimeSpan.FromDays(UsageReportMaxAgeDays),
    };

    /// <summary>The family resolver this policy describes. Throws when <see cref="Validate"/> reports the pattern.</summary>
    public FamilyResolver CreateFamilyResolver() => FamilyPattern is null ? FamilyResolver.Default : new FamilyResolver(FamilyPattern);
}
