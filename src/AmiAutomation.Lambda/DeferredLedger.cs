using AmiAutomation.Core.Ledger;

namespace AmiAutomation.Lambda;

/// <summary>Creates the DynamoDB ledger on first use, so functions that never touch it (deprecate, copy) do not pay
/// for a DynamoDB client at cold start.</summary>
internal sealed class DeferredLedger(Func<IDeregistrationLedger> create) : IDeregistrationLedger
{
    private readonly Lazy<IDeregistrationLedger> _ledger = new(create);

    public Task PutAsync(LedgerRecord record, CancellationToken cancellationToken) =>
        _ledger.Value.PutAsync(record, cancellationToken);

    public Task<LedgerRecord?> GetAsync(string region, string imageId, CancellationToken cancellationToken) =>
        _ledger.Value.GetAsync(region, imageId, cancellationToken);

    public Task<IReadOnlyList<LedgerRecord>> ListAsync(string region, CancellationToken cancellationToken) =>
        _ledger.Value.ListAsync(region, cancellationToken);

    public Task UpdateStatusAsync(string region, string imageId, LedgerStatus status, DateTimeOffset at, CancellationToken cancellationToken) =>
        _ledger.Value.UpdateStatusAsync(region, imageId, status, at, cancellationToken);

    public Task<RecycleBinLatch?> GetLatchAsync(string region, CancellationToken cancellationToken) =>
        _ledger.Value.GetLatchAsync(region, cancellationToken);

    public Task SetLatchAsync(RecycleBinLatch latch, CancellationToken cancellationToken) =>
        _ledger.Value.SetLatchAsync(latch, cancellationToken);

    public Task<RecycleBinLatch?> ClearLatchAsync(string region, string clearedBy, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        _ledger.Value.ClearLatchAsync(region, clearedBy, reason, at, cancellationToken);

    public Task PutDisableRecordAsync(DisableRecord record, CancellationToken cancellationToken) =>
        _ledger.Value.PutDisableRecordAsync(record, cancellationToken);

    public Task<DisableRecord?> GetDisableRecordAsync(string region, string imageId, CancellationToken cancellationToken) =>
        _ledger.Value.GetDisableRecordAsync(region, imageId, cancellationToken);

    public Task<IReadOnlyList<DisableRecord>> ListDisableRecordsAsync(string region, CancellationToken cancellationToken) =>
        _ledger.Value.ListDisableRecordsAsync(region, cancellationToken);
}
