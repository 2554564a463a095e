using AmiAutomation.Functions.Copy;
using AmiAutomation.Functions.Deprecate;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Restore;
using RuntimeNames = AmiAutomation.Runtime.Hosting.RuntimeEnvironmentVariableNames;

namespace AmiAutomation.Functions.Common;

/// <summary>
/// Every environment variable a settings reader of this product reads (the functions' settings and the runtime host's
/// own), except AWS's and Lambda's (<c>AWS_*</c>, <c>_HANDLER</c>, …). One registry: a test keeps it equal to what
/// the readers read and to the variables template.yaml sets. Used to point out misspelt names
/// (<see cref="UnknownSettings"/>).
/// </summary>
public static class SettingNames
{
    public static IReadOnlySet<string> All { get; } = new SortedSet<string>(StringComparer.Ordinal)
    {
        CommonSettings.DryRunVariable,
        CommonSettings.AccountIdVariable,
        CommonSettings.DisabledReferenceSourcesVariable,
        CommonSettings.AcknowledgeNoInUseCheckVariable,
        CommonSettings.MaxDestructiveActionsPerRunVariable,
        CommonSettings.LedgerTableNameVariable,
        CommonSettings.RunLeaseWaitSecondsVariable,
        ManagedByOptions.Variable,
        DeprecateSettings.DeprecateAfterDaysVariable,
        DeprecateSettings.DeprecateWhenNewerCountVariable,
        DeprecateSettings.KeepNewestVariable,
        DeprecateSettings.DeprecationDelayDaysVariable,
        DeprecateSettings.AllowMovingManualDeprecationVariable,
        DeprecateSettings.FamilyPatternVariable,
        ExpireSettings.ExpireAfterDeprecatedDaysVariable,
        ExpireSettings.UseExpiresAtTagVariable,
        ExpireSettings.ExpireOlderThanDaysVariable,
        ExpireSettings.KeepNewestVariable,
        ExpireSettings.UnusedForDaysVariable,
        ExpireSettings.AllowPublicVariable,
        ExpireSettings.AllowInstanceStoreVariable,
        ExpireSettings.MaxDeregistrationsPerRunVariable,
        ExpireSettings.RequireRecycleBinVariable,
        ExpireSettings.RecycleBinCheckSecondsVariable,
        ExpireSettings.ImageRetentionDaysVariable,
        ExpireSettings.SnapshotPricePerGiBMonthVariable,
        ExpireSettings.ExpireSharedImagesVariable,
        ExpireSettings.UsageReportMaxAgeDaysVariable,
        ExpireSettings.DisableAfterDeprecatedDaysVariable,
        ExpireSettings.ExpireAfterDisabledDaysVariable,
        CopySettings.TargetRegionsVariable,
        CopySettings.FamiliesVariable,
        CopySettings.TagSelectorVariable,
        CopySettings.KmsKeysVariable,
        CopySettings.AllowCopiesOfCopiesVariable,
        CopySettings.AllowPublicVariable,
        CopySettings.MaxAttemptsVariable,
        CopySettings.StuckAfterMinutesVariable,
        CopySettings.ReconcileLookbackDaysVariable,
        CopySettings.MaxStartsPerRunVariable,
        RestoreSettings.HoldDaysVariable,
        RestoreSettings.AllowPublicVariable,
        RestoreSettings.DeprecationVariable,
        RestoreSettings.PollIntervalVariable,
        RestoreSettings.AutoEnableOnDemandVariable,
        RuntimeNames.HandlerOverride,
        RuntimeNames.AmiAutomationLogLevel,
        RuntimeNames.PowertoolsLogLevel,
        RuntimeNames.ServiceName,
        RuntimeNames.MetricsNamespace,
    };

    /// <summary>Names that are AWS's or Lambda's, never ours: <c>AWS_*</c>, <c>LAMBDA_*</c> and names starting with '_'.</summary>
    public static bool IsForeign(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.StartsWith("AWS_", StringComparison.Ordinal) || name.StartsWith("LAMBDA_", StringComparison.Ordinal)
            || name.StartsWith('_');
    }
}
