using AmiAutomation.Core.Ledger;

namespace AmiAutomation.Lambda;

/// <summary>Stands in when LEDGER_TABLE_NAME is unset: taking the lease fails, so a live destructive run is blocked
/// (fail closed) with a reason that names the missing setting.</summary>
internal sealed class UnconfiguredRunLease : IRunLease
{
    public Task<RunLeaseResult> TryAcquireAsync(RunLeaseHolder wanted, DateTimeOffset now, CancellationToken cancellationToken) =>
        throw NotConfigured();

    public Task<bool> ReleaseAsync(RunLeaseHolder holder, CancellationToken cancellationToken) => throw NotConfigured();

    private static InvalidOperationException NotConfigured() =>
        new("The run lease lives in the ledger table, which is not configured: set LEDGER_TABLE_NAME to the stack's ledger table.");
}
