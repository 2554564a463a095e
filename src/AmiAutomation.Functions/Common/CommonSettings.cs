using System.Text.RegularExpressions;
using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Inventory;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Protection;

namespace AmiAutomation.Functions.Common;

/// <summary>
/// Settings every function shares. Read once at function construction; an invalid value fails start-up
/// (<see cref="AmiAutomation.Runtime.Configuration.ConfigurationException"/> naming every bad variable).
/// </summary>
public sealed partial record CommonSettings
{
    /// <summary><c>true</c> (default) = only EC2 DryRun calls, nothing changes. Live runs need <c>false</c>.</summary>
    public const string DryRunVariable = "DRY_RUN";

    /// <summary>Optional 12-digit account id; when set, images owned by another account are never touched.</summary>
    public const string AccountIdVariable = "ACCOUNT_ID";

    /// <summary>
    /// Inventory sources deliberately switched off (comma-separated: <c>Instances</c>, <c>LaunchTemplates</c>,
    /// <c>ImageReferences</c>, <c>LastLaunchedTime</c>, <c>LaunchConfigurations</c>, <c>SpotRequests</c>,
    /// <c>SpotFleets</c>; case, '-' and '_' ignored), in the inventory and in the re-check alike. Default: none, i.e.
    /// every source is required and any failure blocks destructive actions. <c>Images</c> cannot be switched off.
    /// </summary>
    public const string DisabledReferenceSourcesVariable = "DISABLED_REFERENCE_SOURCES";

    /// <summary>
    /// <c>true</c> lets <see cref="DisabledReferenceSourcesVariable"/> switch off every reference source
    /// (<see cref="ReferenceSources.All"/>). Without it that configuration is refused: nothing would check whether an
    /// image is still in use. With it, plans and run summaries say "no in-use check". Default false.
    /// </summary>
    public const string AcknowledgeNoInUseCheckVariable = "ACKNOWLEDGE_NO_IN_USE_CHECK";

    /// <summary>What plans, logs and run summaries say when every reference source is switched off.</summary>
    public const string NoInUseCheckWarning =
        "no in-use check: DISABLED_REFERENCE_SOURCES switches off every reference source (acknowledged by ACKNOWLEDGE_NO_IN_USE_CHECK=true); nothing checks whether an image is still launched from";

    /// <summary>Hard cap on destructive EC2 calls (deregistrations) in one run, 1–1000, default 50.</summary>
    public const string MaxDestructiveActionsPerRunVariable = "MAX_DESTRUCTIVE_ACTIONS_PER_RUN";

    /// <summary>DynamoDB table of the deregistration ledger (required by expire and restore).</summary>
    public const string LedgerTableNameVariable = "LEDGER_TABLE_NAME";

    /// <summary>How long a live expire, deprecate or restore run waits for another run's lease before it is blocked
    /// (0–600 seconds). Default 300: the daily schedules may start together.</summary>
    public const string RunLeaseWaitSecondsVariable = "RUN_LEASE_WAIT_SECONDS";

    public const int DefaultRunLeaseWaitSeconds = 300;
    public const int MaxRunLeaseWaitSeconds = 600;

    public const bool DefaultDryRun = true;
    public const int DefaultMaxDestructiveActionsPerRun = 50;
    public const int MaxDestructiveActionsPerRunLimit = 1000;

    public bool DryRun { get; init; } = DefaultDryRun;

    public string? AccountId { get; init; }

    public IReadOnlySet<InventorySource> DisabledSources { get; init; } = new HashSet<InventorySource>();

    public int MaxDestructiveActionsPerRun { get; init; } = DefaultMaxDestructiveActionsPerRun;

    public string? LedgerTableName { get; init; }

    /// <summary>See <see cref="RunLeaseWaitSecondsVariable"/>.</summary>
    public TimeSpan RunLeaseWait { get; init; } = TimeSpan.FromSeconds(DefaultRunLeaseWaitSeconds);

    /// <summary>Every reference source is switched off (only possible with <see cref="AcknowledgeNoInUseCheckVariable"/>).</summary>
    public bool NoInUseCheck => ReferenceSources.All.IsSubsetOf(DisabledSources);

    /// <summary>Every source that must be complete for a destructive action to run.</summary>
    public IReadOnlySet<InventorySource> RequiredSources =>
        Enum.GetValues<InventorySource>().Where(s => !DisabledSources.Contains(s)).ToHashSet();

    /// <summary>How the inventory is read: the account (when set) and the switched-off sources.</summary>
    public InventoryOptions ToInventoryOptions() => new() { AccountId = AccountId, DisabledSources = DisabledSources };

    /// <summary>How a plan is executed: dry run, cap, the policy's protections for the re-check, and the guard.</summary>
    public ExecutionOptions ToExecutionOptions(bool dryRun, ProtectionOptions protection, IDeregistrationGuard? guard = null) => new()
    {
        DryRun = dryRun,
        MaxDestructiveActions = MaxDestructiveActionsPerRun,
        AccountId = AccountId,
        Protection = protection,
        Guard = guard ?? DeregistrationGuard.None,
        DisabledRecheckSources = DisabledSources,
    };

    /// <summary>Reads and validates the shared variables; problems go to <paramref name="reader"/>.</summary>
    public static CommonSettings Read(SettingsReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var disabled = reader.GetEnumList<InventorySource>(DisabledReferenceSourcesVariable).ToHashSet();
        if (disabled.Remove(InventorySource.Images))
        {
            reader.AddError($"{DisabledReferenceSourcesVariable} contains 'Images': the image inventory itself cannot be switched off.");
        }

        var acknowledged = reader.GetBool(AcknowledgeNoInUseCheckVariable, false);
        if (ReferenceSources.All.IsSubsetOf(disabled) && !acknowledged)
        {
            reader.AddError(
                $"{DisabledReferenceSourcesVariable} switches off every reference source ({string.Join(", ", ReferenceSources.All)}): "
                + $"nothing would check whether an image is still in use. Enable at least one, or set {AcknowledgeNoInUseCheckVariable}=true to run without an in-use check.");
        }

        return new CommonSettings
        {
            DryRun = reader.GetBool(DryRunVariable, DefaultDryRun),
            AccountId = reader.GetMatching(AccountIdVariable, AccountIdPattern(), "a 12-digit AWS account id"),
            DisabledSources = disabled,
            MaxDestructiveActionsPerRun = reader.GetInt(
                MaxDestructiveActionsPerRunVariable, DefaultMaxDestructiveActionsPerRun, 1, MaxDestructiveActionsPerRunLimit),
            LedgerTableName = reader.GetMatching(
                LedgerTableNameVariable, TableNamePattern(), "a DynamoDB table name (3-255 of letters, digits, '_', '-', '.')"),
            RunLeaseWait = TimeSpan.FromSeconds(reader.GetInt(RunLeaseWaitSecondsVariable, DefaultRunLeaseWaitSeconds, 0, MaxRunLeaseWaitSeconds)),
        };
    }

    [GeneratedRegex(@"^\d{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountIdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{3,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableNamePattern();
}
