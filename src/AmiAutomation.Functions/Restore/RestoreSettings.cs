using AmiAutomation.Core.Families;
using AmiAutomation.Core.Restore;
using AmiAutomation.Functions.Common;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Functions.Restore;

/// <summary>
/// The restore function's configuration: <see cref="CommonSettings"/> (DRY_RUN, ACCOUNT_ID, LEDGER_TABLE_NAME …) plus
/// its own variables, read and validated once at construction; every bad value is reported at once.
/// </summary>
public sealed record RestoreSettings
{
    /// <summary>Days a restored image is held (<c>ami-lifecycle:keep-until</c> = now + N days), 1–3650. Default 14.</summary>
    public const string HoldDaysVariable = "RESTORE_HOLD_DAYS";

    /// <summary><c>true</c> re-applies a recorded public launch permission; default <c>false</c>: a restored image is
    /// never public (a public permission EC2 restored by itself is removed).</summary>
    public const string AllowPublicVariable = "RESTORE_ALLOW_PUBLIC";

    /// <summary><c>ledger</c> (default), <c>keep</c> or <c>clear</c>: see <see cref="RestoreDeprecationMode"/>.</summary>
    public const string DeprecationVariable = "RESTORE_DEPRECATION";

    /// <summary>Delay between DescribeSnapshots polls while snapshots restore: 1s–5m (e.g. <c>15s</c>). Default 15s.</summary>
    public const string PollIntervalVariable = "RESTORE_POLL_INTERVAL";

    /// <summary>The family rule override shared with deprecate and expire (families of binned images without a ledger record).</summary>
    public const string FamilyPatternVariable = "FAMILY_PATTERN";

    /// <summary><c>true</c> lets failed-launch events (CloudTrail, Auto Scaling) enable a disabled image of ours or restore
    /// a binned one with a ledger record. Default <c>false</c>: such events are logged and ignored.</summary>
    public const string AutoEnableOnDemandVariable = "AUTO_ENABLE_ON_DEMAND";

    public const int DefaultHoldDays = 14;
    public const int MaxHoldDays = 3650;

    public required CommonSettings Common { get; init; }

    public required RestorePolicy Policy { get; init; }

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(15);

    public FamilyResolver Families { get; init; } = FamilyResolver.Default;

    /// <summary><see cref="AutoEnableOnDemandVariable"/>.</summary>
    public bool AutoEnableOnDemand { get; init; }

    /// <exception cref="ConfigurationException">Any value is invalid (all problems listed, each naming its variable).</exception>
    public static RestoreSettings Read(IEnvironmentVariables environment)
    {
        var reader = new SettingsReader(environment);
        var common = CommonSettings.Read(reader);
        var policy = new RestorePolicy
        {
            Hold = reader.GetDays(HoldDaysVariable, DefaultHoldDays, 1, MaxHoldDays),
            AllowPublic = reader.GetBool(AllowPublicVariable, false),
            Deprecation = reader.GetEnum(DeprecationVariable, RestoreDeprecationMode.Ledger),
        };
        var poll = reader.GetDuration(PollIntervalVariable, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        var pattern = reader.GetFamilyPattern(FamilyPatternVariable);
        var onDemand = reader.GetBool(AutoEnableOnDemandVariable, false);

        reader.ThrowIfInvalid();
        return new RestoreSettings
        {
            Common = common,
            Policy = policy,
            PollInterval = poll,
            Families = pattern is null ? FamilyResolver.Default : new FamilyResolver(pattern),
            AutoEnableOnDemand = onDemand,
        };
    }
}
