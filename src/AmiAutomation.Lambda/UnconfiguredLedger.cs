using AmiAutomation.Core.Ledger;

namespace AmiAutomation.Lambda;

/// <summary>Stands in when LEDGER_TABLE_NAME is unset: any use fails with an error that says so (expire refuses
/// to start without a table anyway; restore then works from the Recycle Bin alone only if it never asks).</summary>
internal sealed class UnconfiguredLedger : IDeregistrationLedger
{
    public Task PutAsync(LedgerRecord record, CancellationToken cancellationToken) => throw NotConfigured();

    public Task<LedgerRecord?> GetAsync(string region, string imageId, CancellationToken cancellationToken) => throw NotConfigured();

    public Task<IReadOnlyList<LedgerRecord>> ListAsync(string region, CancellationToken cancellationToken) => throw NotConfigured();

    public Task UpdateStatusAsync(string region, string imageId, LedgerStatus status, DateTimeOffset at, CancellationToken cancellationToken) =>
        throw NotConfigured();

    public Task<RecycleBinLatch?> GetLatchAsync(string region, CancellationToken cancellationToken) => throw NotConfigured();

    public Task SetLatchAsync(RecycleBinLatch latch, CancellationToken cancellationToken) => throw NotConfigured();

    public Task<RecycleBinLatch?> ClearLatchAsync(string region, string clearedBy, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        throw NotConfigured();

    public Task PutDisableRecordAsync(DisableRecord record, CancellationToken cancellationToken) => throw NotConfigured();

    public Task<DisableRecord?> GetDisableRecordAsync(string region, string imageId, CancellationToken cancellationToken) => throw NotConfigured();

    public Task<IReadOnlyList<DisableRecord>> ListDisableRecordsAsync(string region, CancellationToken cancellationToken) => throw NotConfigured();

    private static InvalidOperationException NotConfigured() =>
        new("The deregistration ledger is not configured: set LEDGER_TABLE_NAME to the stack's ledger table.");
}
