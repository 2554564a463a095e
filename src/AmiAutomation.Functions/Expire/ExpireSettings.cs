using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Protection;
using AmiAutomation.Functions.Common;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Functions.Expire;

/// <summary>
/// The expire function's configuration: <see cref="CommonSettings"/> plus its policy and safety variables, read and
/// validated once at construction. Every bad value is reported at once (<see cref="ConfigurationException"/>).
/// </summary>
public sealed record ExpireSettings
{
    /// <summary>Eligible once deprecated at least this many days ago (1–36500; 0 or <c>off</c> turns the rule off). Default 30. Policy: DeprecatedForDays.</summary>
    public const string ExpireAfterDeprecatedDaysVariable = "EXPIRE_AFTER_DEPRECATED_DAYS";

    /// <summary>Eligible once the <c>ami-lifecycle:expires-at</c> tag has passed (true/false). Default true. Policy: UseExpiresAtTag.</summary>
    public const string UseExpiresAtTagVariable = "EXPIRE_USE_EXPIRES_AT_TAG";

    /// <summary>Eligible once at least this many days old (1–36500; 0 or <c>off</c> turns the rule off). Default off. Policy: RetentionDays.</summary>
    public const string ExpireOlderThanDaysVariable = "EXPIRE_OLDER_THAN_DAYS";

    /// <summary>The newest K available images of each family are never deregistered (1–1000). Default 3.</summary>
    public const string KeepNewestVariable = "EXPIRE_KEEP_NEWEST";

    /// <summary>Images launched within this many days are kept (1–36500). Default 30. Policy: RecentLaunchDays.</summary>
    public const string UnusedForDaysVariable = "EXPIRE_UNUSED_FOR_DAYS";

    /// <summary>Deregister public images too (true/false). Default false.</summary>
    public const string AllowPublicVariable = "EXPIRE_ALLOW_PUBLIC";

    /// <summary>Deregister instance store-backed images too; their S3 bundle stays (true/false). Default false.</summary>
    public const string AllowInstanceStoreVariable = "EXPIRE_ALLOW_INSTANCE_STORE";

    /// <summary>Planned deregistrations per run, oldest first (1–1000); the rest BlastRadiusCapReached. Default 10.</summary>
    public const string MaxDeregistrationsPerRunVariable = "MAX_DEREGISTRATIONS_PER_RUN";

    /// <summary>Recycle Bin safety (true/false, default true): before each run, read the retention rules and block the
    /// run unless they keep images and snapshots (RecycleBinSafety); after every real deregistration, verify the image and
    /// its deleted snapshots are in the bin, latching every later run on a miss. false: no rules, no verification (the
    /// latch still blocks).</summary>
    public const string RequireRecycleBinVariable = "REQUIRE_RECYCLE_BIN";

    /// <summary>How long the check after each deregistration polls ListImagesInRecycleBin / ListSnapshotsInRecycleBin (1–300 seconds). Default 30.</summary>
    public const string RecycleBinCheckSecondsVariable = "RECYCLE_BIN_CHECK_SECONDS";

    /// <summary>The Recycle Bin rule's AMI retention (1–365 days): ledger records expire (TTL) when the bin purges
    /// the image. Default 30.</summary>
    public const string ImageRetentionDaysVariable = "IMAGE_RETENTION_DAYS";

    /// <summary>USD per GiB-month of snapshot storage for the saving estimate (0–10). Default 0.05.</summary>
    public const string SnapshotPricePerGiBMonthVariable = "SNAPSHOT_PRICE_PER_GIB_MONTH";

    /// <summary>Images shared with another account, an organization or an OU: <c>never</c> (default) expired, or
    /// <c>when-unused</c>: only once an AMI usage report created within <see cref="UsageReportMaxAgeDaysVariable"/> days
    /// shows no use in any account. Policy: SharedImages.</summary>
    public const string ExpireSharedImagesVariable = "EXPIRE_SHARED_IMAGES";

    /// <summary>The oldest usage report relied on under <c>EXPIRE_SHARED_IMAGES=when-unused</c> (1–30 days; EC2 deletes
    /// reports after 30). Default 7. Policy: UsageReportMaxAgeDays.</summary>
    public const string UsageReportMaxAgeDaysVariable = "USAGE_REPORT_MAX_AGE_DAYS";

    /// <summary>The disable stage (1–36500 days; unset, 0 or <c>off</c> = off, the default): an available image
    /// deprecated this many days, not in use and not protected, is disabled (its launch permissions kept in the ledger).
    /// Policy: DisableAfterDeprecatedDays. docs/disable-stage.md.</summary>
    public const string DisableAfterDeprecatedDaysVariable = "DISABLE_AFTER_DEPRECATED_DAYS";

    /// <summary>With the disable stage on, only images the ledger shows disabled at least this many days are deregistered
    /// (1–36500). Default 30. Policy: ExpireAfterDisabledDays. Ignored while the stage is off.</summary>
    public const string ExpireAfterDisabledDaysVariable = "EXPIRE_AFTER_DISABLED_DAYS";

    public const string SharedImagesNever = "never";
    public const string SharedImagesWhenUnused = "when-unused";

    /// <summary>Override of the family rule: a .NET regular expression (see FamilyResolver). Default: built-in rule.</summary>
    public const string FamilyPatternVariable = "FAMILY_PATTERN";

    public const int DefaultRecycleBinCheckSeconds = 30;
    public const int MaxRecycleBinCheckSeconds = 300;
    public const int DefaultImageRetentionDays = 30;
    public const int MaxImageRetentionDays = 365;
    public const double DefaultSnapshotPricePerGiBMonth = 0.05;

    public required CommonSettings Common { get; init; }

    public required ExpiryPolicy Policy { get; init; }

    /// <summary>The ledger's DynamoDB table (<c>LEDGER_TABLE_NAME</c>, required here).</summary>
    public required string LedgerTableName { get; init; }

    public bool RequireRecycleBin { get; init; } = true;

    public TimeSpan RecycleBinCheck { get; init; } = TimeSpan.FromSeconds(DefaultRecycleBinCheckSeconds);

    public TimeSpan ImageRetention { get; init; } = TimeSpan.FromDays(DefaultImageRetentionDays);

    public double SnapshotPricePerGiBMonth { get; init; } = DefaultSnapshotPricePerGiBMonth;

    /// <summary>Reads and validates everything.</summary>
    /// <exception cref="ConfigurationException">Any value is invalid (all problems listed, each naming its variable).</exception>
    public static ExpireSettings Read(IEnvironmentVariables environment)
    {
        var reader = new SettingsReader(environment);
        var common = CommonSettings.Read(reader);
        var managedBy = ManagedByOptions.Read(reader);
        var defaults = new ExpiryPolicy();
        var policy = new ExpiryPolicy
        {
            DeprecatedForDays = reader.GetIntOrOff(ExpireAfterDeprecatedDaysVariable, defaults.DeprecatedForDays, 1, ExpiryPolicy.MaxDays),
            UseExpiresAtTag = reader.GetBool(UseExpiresAtTagVariable, defaults.UseExpiresAtTag),
            RetentionDays = reader.GetIntOrOff(ExpireOlderThanDaysVariable, defaults.RetentionDays, 1, ExpiryPolicy.MaxDays),
            KeepNewest = reader.GetInt(KeepNewestVariable, defaults.KeepNewest, 1, ExpiryPolicy.MaxCount),
            RecentLaunchDays = reader.GetInt(UnusedForDaysVariable, defaults.RecentLaunchDays, 1, ExpiryPolicy.MaxDays),
            MaxDeregistrationsPerRun = reader.GetInt(MaxDeregistrationsPerRunVariable, defaults.MaxDeregistrationsPerRun, 1, ExpiryPolicy.MaxCount),
            AllowPublic = reader.GetBool(AllowPublicVariable, defaults.AllowPublic),
            AllowInstanceStore = reader.GetBool(AllowInstanceStoreVariable, defaults.AllowInstanceStore),
            IncludeDataLifecycleManagerImages = managedBy.DataLifecycleManager,
            IncludeImageBuilderImages = managedBy.ImageBuilder,
            FamilyPattern = reader.GetFamilyPattern(FamilyPatternVariable),
            SharedImages = ReadSharedImages(reader),
            UsageReportMaxAgeDays = reader.GetInt(UsageReportMaxAgeDaysVariable, defaults.UsageReportMaxAgeDays, 1, ExpiryPolicy.MaxUsageReportAgeDays),
            DisableAfterDeprecatedDays = reader.GetIntOrOff(DisableAfterDeprecatedDaysVariable, defaults.DisableAfterDeprecatedDays, 1, ExpiryPolicy.MaxDays),
            ExpireAfterDisabledDays = reader.GetInt(ExpireAfterDisabledDaysVariable, defaults.ExpireAfterDisabledDays, 1, ExpiryPolicy.MaxDays),
        };

        if (policy.DeprecatedForDays is null && policy.RetentionDays is null && !policy.UseExpiresAtTag)
        {
            reader.AddError($"{ExpireAfterDeprecatedDaysVariable} and {ExpireOlderThanDaysVariable} are off and {UseExpiresAtTagVariable} is false: the expire function needs at least one rule.");
        }

        var settings = new ExpireSettings
        {
            Common = common,
            Policy = policy,
            LedgerTableName = common.LedgerTableName ?? RequireTable(reader),
            RequireRecycleBin = reader.GetBool(RequireRecycleBinVariable, true),
            RecycleBinCheck = TimeSpan.FromSeconds(reader.GetInt(RecycleBinCheckSecondsVariable, DefaultRecycleBinCheckSeconds, 1, MaxRecycleBinCheckSeconds)),
            ImageRetention = TimeSpan.FromDays(reader.GetInt(ImageRetentionDaysVariable, DefaultImageRetentionDays, 1, MaxImageRetentionDays)),
            SnapshotPricePerGiBMonth = reader.GetDouble(SnapshotPricePerGiBMonthVariable, DefaultSnapshotPricePerGiBMonth, 0, 10),
        };
        reader.AddPolicyErrors(policy.Validate());
        reader.ThrowIfInvalid();
        return settings;
    }

    private static SharedImageRule ReadSharedImages(SettingsReader reader)
    {
        var value = reader.GetString(ExpireSharedImagesVariable);
        switch (value?.ToLowerInvariant())
        {
            case null or SharedImagesNever:
                return SharedImageRule.Keep;
            case SharedImagesWhenUnused:
                return SharedImageRule.KeepUnlessUnused;
            default:
                reader.AddError($"{ExpireSharedImagesVariable}='{value}' is invalid: use {SharedImagesNever} or {SharedImagesWhenUnused}.");
                return SharedImageRule.Keep;
        }
    }

    private static string RequireTable(SettingsReader reader)
    {
        // Unset (a bad value was already reported by CommonSettings): the ledger is not optional for expire.
        if (reader.GetString(CommonSettings.LedgerTableNameVariable) is null)
        {
            reader.AddError($"{CommonSettings.LedgerTableNameVariable} is required by the expire function: no ledger record, no deregistration.");
        }

        return string.Empty;
    }
}
