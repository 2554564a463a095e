using AmiAutomation.Functions.Common;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Cli.Planning;

/// <summary>The functions' environment for planning: <c>--set</c> over the process environment, over the few
/// values only execution needs (the ledger table: planning never writes one).</summary>
internal sealed class PlanEnvironment(IEnvironmentVariables inner) : IEnvironmentVariables
{
    public const string PlanOnlyLedgerTable = "plan-only-no-ledger";

    public string? Get(string name) =>
        inner.Get(name) is { Length: > 0 } value ? value
        : name == CommonSettings.LedgerTableNameVariable ? PlanOnlyLedgerTable
        : null;
}
