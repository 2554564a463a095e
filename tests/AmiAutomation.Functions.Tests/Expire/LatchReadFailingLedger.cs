using AmiAutomation.Core.Ledger;
using AmiAutomation.Simulation.Ledger;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>The in-memory ledger, except that reading the Recycle Bin latch throws <c>failure</c>.</summary>
internal sealed class LatchReadFailingLedger(Exception failure) : IDeregistrationLedger
{
    private readonly InMemoryDeregistrationLedger _inner = new();

    public Task<RecycleBinLatch?> GetLatchAsync(string region, CancellationToken cancellationToken) => Task.FromException<RecycleBinLatch?>(failure);

    public Task PutAsync(LedgerRecord record, CancellationToken cancellationToken) => _inner.PutAsync(record, cancellationToken);

    public Task<LedgerRecord?> GetAsync(string region, string imageId, CancellationToken cancellationToken) => _inner.GetAsync(region, imageId, cancellationToken);

    public Task<IReadOnlyList<LedgerRecord>> ListAsync(string region, CancellationToken cancellationToken) => _inner.ListAsync(region, cancellationToken);

    public Task UpdateStatusAsync(string region, string imageId, LedgerStatus status, DateTimeOffset at, CancellationToken cancellationToken) =>
        _inner.UpdateStatusAsync(region, imageId, status, at, cancellationToken);

    public Task SetLatchAsync(RecycleBinLatch latch, CancellationToken cancellationToken) => _inner.SetLatchAsync(latch, cancellationToken);

    public Task<RecycleBinLatch?> ClearLatchAsync(string region, string clearedBy, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        _inner.ClearLatchAsync(region, clearedBy, reason, at, cancellationToken);

    public Task PutDisableRecordAsync(DisableRecord record, CancellationToken cancellationToken) => _inner.PutDisableRecordAsync(record, cancellationToken);

    public Task<DisableRecord?> GetDisableRecordAsync(string region, string imageId, CancellationToken cancellationToken) =>
        _inner.GetDisableRecordAsync(region, imageId, cancellationToken);

    public Task<IReadOnlyList<DisableRecord>> ListDisableRecordsAsync(string region, CancellationToken cancellationToken) =>
        _inner.ListDisableRecordsAsync(region, cancellationToken);
}
