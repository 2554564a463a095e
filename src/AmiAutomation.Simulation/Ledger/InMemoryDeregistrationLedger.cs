using AmiAutomation.Core.Ledger;

namespace AmiAutomation.Simulation.Ledger;

/// <summary>
/// The deregistration ledger in memory, keyed by (region, image id). Writes (Put, UpdateStatus) can be made to
/// fail, to test that nothing is deregistered without a record. Thread safe.
/// </summary>
public sealed class InMemoryDeregistrationLedger : IDeregistrationLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Region, string ImageId), LedgerRecord> _records = [];
    private readonly Dictionary<(string Region, string ImageId), DisableRecord> _disables = [];
    private readonly Dictionary<string, RecycleBinLatch> _latches = new(StringComparer.Ordinal);
    private int _failuresLeft;
    private bool _failAlways;

    /// <summary>Successful writes so far.</summary>
    public int WriteCount { get; private set; }

    /// <summary>Every record, ordered by region then image id.</summary>
    public IReadOnlyList<LedgerRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return _records.Values.OrderBy(r => r.Region, StringComparer.Ordinal).ThenBy(r => r.ImageId, StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>Every disable record, ordered by region then image id.</summary>
    public IReadOnlyList<DisableRecord> DisableRecords
    {
        get
        {
            lock (_gate)
            {
                return _disables.Values.OrderBy(r => r.Region, StringComparer.Ordinal).ThenBy(r => r.ImageId, StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>The next <paramref name="count"/> writes throw <see cref="LedgerWriteException"/>.</summary>
    public void FailNextWrites(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            _failuresLeft = count;
        }
    }

    /// <summary>Every write throws until <see cref="StopFailing"/>.</summary>
    public void FailAllWrites()
    {
        lock (_gate)
        {
            _failAlways = true;
        }
    }

    public void StopFailing()
    {
        lock (_gate)
        {
            _failAlways = false;
            _failuresLeft = 0;
        }
    }

    public Task PutAsync(LedgerRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfFailing($"put {record.ImageId} in {record.Region}");
            _records[(record.Region, record.ImageId)] = record;
            WriteCount++;
        }

        return Task.CompletedTask;
    }

    public Task<LedgerRecord?> GetAsync(string region, string imageId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_records.GetValueOrDefault((region, imageId)));
        }
    }

    public Task<IReadOnlyList<LedgerRecord>> ListAsync(string region, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<LedgerRecord> list = _records.Values.Where(r => r.Region == region).OrderBy(r => r.ImageId, StringComparer.Ordinal).ToList();
            return Task.FromResult(list);
        }
    }

    /// <summary>Sets the status (and <see cref="LedgerRecord.RestoredAt"/> for <see cref="LedgerStatus.Restored"/>);
    /// throws <see cref="KeyNotFoundException"/> when there is no record.</summary>
    public Task UpdateStatusAsync(string region, string imageId, LedgerStatus status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_records.TryGetValue((region, imageId), out var record))
            {
                throw new KeyNotFoundException($"The ledger has no record of {imageId} in {region}.");
            }

            ThrowIfFailing($"update {imageId} in {region} to {status}");
            _records[(region, imageId)] = record with
            {
                Status = status,
                RestoredAt = status == LedgerStatus.Restored ? at : record.RestoredAt,
            };
            WriteCount++;
        }

        return Task.CompletedTask;
    }

    public Task<RecycleBinLatch?> GetLatchAsync(string region, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_latches.GetValueOrDefault(region));
        }
    }

    /// <summary>Keeps an already set latch (the first miss stays on record).</summary>
    public Task SetLatchAsync(RecycleBinLatch latch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(latch);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfFailing($"set the Recycle Bin latch in {latch.Region}");
            if (_latches.GetValueOrDefault(latch.Region) is not { IsSet: true })
            {
                _latches[latch.Region] = latch with { ClearedAt = null, ClearedBy = null, ClearReason = null };
            }

            WriteCount++;
        }

        return Task.CompletedTask;
    }

    public Task<RecycleBinLatch?> ClearLatchAsync(string region, string clearedBy, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clearedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_latches.GetValueOrDefault(region) is not { IsSet: true } latch)
            {
                return Task.FromResult<RecycleBinLatch?>(null);
            }

            ThrowIfFailing($"clear the Recycle Bin latch in {region}");
            var cleared = latch with { ClearedAt = at, ClearedBy = clearedBy, ClearReason = reason };
            _latches[region] = cleared;
            WriteCount++;
            return Task.FromResult<RecycleBinLatch?>(cleared);
        }
    }

    public Task PutDisableRecordAsync(DisableRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfFailing($"put the disable record of {record.ImageId} in {record.Region}");
            _disables[(record.Region, record.ImageId)] = record;
            WriteCount++;
        }

        return Task.CompletedTask;
    }

    public Task<DisableRecord?> GetDisableRecordAsync(string region, string imageId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_disables.GetValueOrDefault((region, imageId)));
        }
    }

    public Task<IReadOnlyList<DisableRecord>> ListDisableRecordsAsync(string region, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<DisableRecord> list = _disables.Values.Where(r => r.Region == region).OrderBy(r => r.ImageId, StringComparer.Ordinal).ToList();
            return Task.FromResult(list);
        }
    }

    private void ThrowIfFailing(string what)
    {
        if (_failAlways || _failuresLeft > 0)
        {
            if (_failuresLeft > 0)
            {
                _failuresLeft--;
            }

            throw new LedgerWriteException($"Simulated ledger write failure: could not {what}.");
        }
    }
}
