using System.Globalization;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Deprecate;
using AmiAutomation.Functions.Expire;

namespace AmiAutomation.Cli.Planning;

/// <summary>
/// The settings a plan or an explanation used, as the functions read them (defaults filled in), keyed by the variable
/// a user sets with <c>--set</c>: so a what-if shows what it changed and a typo shows as the default it left in place.
/// </summary>
internal static class EffectiveSettings
{
    public static IReadOnlyDictionary<string, string> Of(DeprecateSettings deprecate, ExpireSettings expire)
    {
        var d = deprecate.Policy;
        var e = expire.Policy;
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [CommonSettings.DisabledReferenceSourcesVariable] = deprecate.Common.DisabledSources.Count == 0
                ? "(none)"
                : string.Join(",", deprecate.Common.DisabledSources.Select(s => s.ToString()).Order(StringComparer.Ordinal)),
            [DeprecateSettings.DeprecateAfterDaysVariable] = Days(d.MaxAgeDays),
            [DeprecateSettings.DeprecateWhenNewerCountVariable] = Days(d.MinNewerImages),
            [DeprecateSettings.KeepNewestVariable] = Number(d.KeepNewest),
            [DeprecateSettings.DeprecationDelayDaysVariable] = Number(d.DeprecateInDays),
            [DeprecateSettings.AllowMovingManualDeprecationVariable] = Bool(d.AllowMovingExistingDeprecation),
            [DeprecateSettings.FamilyPatternVariable] = d.FamilyPattern ?? "(built-in rule)",
            [ExpireSettings.ExpireAfterDeprecatedDaysVariable] = Days(e.DeprecatedForDays),
            [ExpireSettings.UseExpiresAtTagVariable] = Bool(e.UseExpiresAtTag),
            [ExpireSettings.ExpireOlderThanDaysVariable] = Days(e.RetentionDays),
            [ExpireSettings.KeepNewestVariable] = Number(e.KeepNewest),
            [ExpireSettings.UnusedForDaysVariable] = Number(e.RecentLaunchDays),
            [ExpireSettings.MaxDeregistrationsPerRunVariable] = Number(e.MaxDeregistrationsPerRun),
            [ExpireSettings.AllowPublicVariable] = Bool(e.AllowPublic),
            [ExpireSettings.AllowInstanceStoreVariable] = Bool(e.AllowInstanceStore),
            [ExpireSettings.ExpireSharedImagesVariable] = e.SharedImages.ToString(),
            [ExpireSettings.RequireRecycleBinVariable] = Bool(expire.RequireRecycleBin),
        };
    }

    /// <summary>"NAME=value NAME=value", for one line of text output.</summary>
    public static string Line(IReadOnlyDictionary<string, string> settings) =>
        string.Join(" ", settings.Select(s => $"{s.Key}={s.Value}"));

    private static string Days(int? value) => value is { } v ? Number(v) : "off";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";
}
