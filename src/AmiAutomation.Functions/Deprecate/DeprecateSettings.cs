using AmiAutomation.Core.Policies;
using AmiAutomation.Functions.Common;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Functions.Deprecate;

/// <summary>
/// The deprecate function's configuration: <see cref="CommonSettings"/> plus its policy variables, read and validated
/// once at construction. Every bad value is reported at once (<see cref="ConfigurationException"/>).
/// </summary>
public sealed record DeprecateSettings
{
    /// <summary>Deprecate images at least this many days old (1–36500; 0 or <c>off</c> turns the rule off). Default 90. Policy: MaxAgeDays.</summary>
    public const string DeprecateAfterDaysVariable = "DEPRECATE_AFTER_DAYS";

    /// <summary>Deprecate images with at least this many newer available images in their family (1–1000; 0 or <c>off</c> turns the rule off).
    /// Default off. Policy: MinNewerImages.</summary>
    public const string DeprecateWhenNewerCountVariable = "DEPRECATE_WHEN_NEWER_COUNT";

    /// <summary>The newest K available images of each family are never deprecated (1–1000). Default 1.</summary>
    public const string KeepNewestVariable = "DEPRECATE_KEEP_NEWEST";

    /// <summary>Deprecation time = now + D days (0–3650; 0 = as soon as EC2 allows). Default 0. Policy: DeprecateInDays.</summary>
    public const string DeprecationDelayDaysVariable = "DEPRECATION_DELAY_DAYS";

    /// <summary>Move a later, hand-set deprecation time earlier (never later). Default false.</summary>
    public const string AllowMovingManualDeprecationVariable = "ALLOW_MOVING_MANUAL_DEPRECATION";

    /// <summary>Override of the family rule: a .NET regular expression (see FamilyResolver). Default: built-in rule.</summary>
    public const string FamilyPatternVariable = "FAMILY_PATTERN";

    public required CommonSettings Common { get; init; }

    public required DeprecationPolicy Policy { get; init; }

    /// <summary>Reads and validates everything.</summary>
    /// <exception cref="ConfigurationException">Any value is invalid (all problems listed, each naming its variable).</exception>
    public static DeprecateSettings Read(IEnvironmentVariables environment)
    {
        var reader = new SettingsReader(environment);
        var common = CommonSettings.Read(reader);
        var managedBy = ManagedByOptions.Read(reader);
        var defaults = new DeprecationPolicy();
        var policy = new DeprecationPolicy
        {
            MaxAgeDays = reader.GetIntOrOff(DeprecateAfterDaysVariable, defaults.MaxAgeDays, 1, DeprecationPolicy.MaxDays),
            MinNewerImages = reader.GetIntOrOff(DeprecateWhenNewerCountVariable, defaults.MinNewerImages, 1, DeprecationPolicy.MaxCount),
            KeepNewest = reader.GetInt(KeepNewestVariable, defaults.KeepNewest, 1, DeprecationPolicy.MaxCount),
            DeprecateInDays = reader.GetInt(DeprecationDelayDaysVariable, defaults.DeprecateInDays, 0, DeprecationPolicy.MaxDeprecateInDays),
            AllowMovingExistingDeprecation = reader.GetBool(AllowMovingManualDeprecationVariable, defaults.AllowMovingExistingDeprecation),
            IncludeDataLifecycleManagerImages = managedBy.DataLifecycleManager,
            IncludeImageBuilderImages = managedBy.ImageBuilder,
            FamilyPattern = reader.GetFamilyPattern(FamilyPatternVariable),
        };
        if (policy.MaxAgeDays is null && policy.MinNewerImages is null)
        {
            reader.AddError($"{DeprecateAfterDaysVariable} and {DeprecateWhenNewerCountVariable} are both off: the deprecate function needs at least one rule.");
        }

        reader.AddPolicyErrors(policy.Validate());
        reader.ThrowIfInvalid();
        return new DeprecateSettings { Common = common, Policy = policy };
    }
}
