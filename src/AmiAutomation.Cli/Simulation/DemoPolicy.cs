using System.Globalization;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Copy;
using AmiAutomation.Functions.Deprecate;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Restore;

namespace AmiAutomation.Cli.Simulation;

/// <summary>
/// The environment the simulated stacks run with: the deployed functions' variables (names from their settings
/// classes) with values that show the whole lifecycle within weeks. Live (DRY_RUN=false): it is a simulation.
/// <c>--set NAME=VALUE</c> overrides any of them.
/// </summary>
public static class DemoPolicy
{
    public const string LedgerTable = "ami-automation-ledger";

    /// <summary>Days a deregistered image stays restorable (the simulated Recycle Bin rules use the same).</summary>
    public const int RecycleBinRetentionDays = 14;

    public static IReadOnlyDictionary<string, string> For(string accountId) => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [CommonSettings.DryRunVariable] = "false",
        [CommonSettings.AccountIdVariable] = accountId,
        [CommonSettings.LedgerTableNameVariable] = LedgerTable,
        [DeprecateSettings.DeprecateAfterDaysVariable] = "60",
        [DeprecateSettings.DeprecateWhenNewerCountVariable] = "3",
        [DeprecateSettings.KeepNewestVariable] = "2",
        [ExpireSettings.ExpireAfterDeprecatedDaysVariable] = "14",
        [ExpireSettings.KeepNewestVariable] = "3",
        [ExpireSettings.UnusedForDaysVariable] = "14",
        [ExpireSettings.MaxDeregistrationsPerRunVariable] = "10",
        [ExpireSettings.ImageRetentionDaysVariable] = RecycleBinRetentionDays.ToString(CultureInfo.InvariantCulture),
        [ExpireSettings.SnapshotPricePerGiBMonthVariable] = "0.05",
        [RestoreSettings.HoldDaysVariable] = "14",
        [CopySettings.StuckAfterMinutesVariable] = "180",
    };
}
