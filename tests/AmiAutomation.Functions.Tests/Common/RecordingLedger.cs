using AmiAutomation.Core.Ledger;

namespace AmiAutomation.Functions.Tests.Common;

/// <summary>An in-memory ledger that records every call and can be told to fail puts or status updates.</summary>
public sealed class RecordingLedger : IDeregistrationLedger
{
    private readonly Dictionary<(string Region, string ImageId), LedgerRecord> _records = [];
    private readonly Dictionary<(string Region, string ImageId), DisableRecord> _disables = [];
    private readonly Dictionary<string, RecycleBinLatch> _latches = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public bool FailPuts { get; set; }

    public bool FailUpdates { get; set; }

    /// <summary>Disable-record writes throw.</summary>
    public bool FailDisablePuts { get; set; }

    /// <summary>Disable-record reads (get and list) throw.</summary>
    public bool FailDisableReads { get; set; }

    public IReadOnlyList<DisableRecord> DisableRecords
    {
        get
        {
            lock (_gate)
            {
                return [.. _disables.Values];
            }
        }
    }

    /// <summary>Latch reads throw (the latch state is unknown).</summary>
    public bool FailLatchReads { get; set; }

    /// <summary>Latch writes throw.</summary>
    public bool FailLatchWrites { get; set; }

    public RecycleBinLatch? LatchOf(string region)
    {
        lock (_gate)
        {
            return _latches.GetValueOrDefault(region);
        }
    }

    public List<string> Calls { get; } = [];

    /// <summary>Awaited at the start of every put (concurrency tests pause a run inside its guard with it).</summary>
    public Func<LedgerRecord, Task>? BeforePut { get; set; }

    public IReadOnlyList<LedgerRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return [.. _records.Values];
            }
        }
    }

    public async Task PutAsync(LedgerRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (BeforePut is { } pause)
        {
            await pause(record);
        }

        lock (_gate)
        {
            Calls.Add("Put " + record.ImageId);
            if (FailPuts)
            {
                throw new InvalidOperationException("simulated ledger outage: ProvisionedThroughputExceededException");
            }

            _records[(record.Region, record.ImageId)] = record;
        }
    }

    public Task<LedgerRecord?> GetAsync(string region, string imageId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_records.GetValueOrDefault((region, imageId)));
        }
    }

    public Task<IReadOnlyList<LedgerRecord>> ListAsync(string region, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<LedgerRecord>>([.. _records.Values.Where(r => r.Region == region)]);
        }
    }

    public Task UpdateStatusAsync(string region, string imageId, LedgerStatus status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Calls.Add($"Update {imageId} {status}");
            if (FailUpdates)
            {
                throw new InvalidOperationException("simulated ledger outage on update");
            }

            var record = _records[(region, imageId)];
            _records[(region, imageId)] = record with { Status = status };
        }

        return Task.CompletedTask;
    }

    public Task<RecycleBinLatch?> GetLatchAsync(string region, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (FailLatchReads)
            {
                throw new InvalidOperationException("simulated ledger outage on the latch read");
            }

            return Task.FromResult(_latches.GetValueOrDefault(region));
        }
    }

    public Task SetLatchAsync(RecycleBinLatch latch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(latch);
        lock (_gate)
        {
            Calls.Add("SetLatch " + latch.ImageId);
            if (FailLatchWrites)
            {
                throw new InvalidOperationException("simulated ledger outage on the latch write");
            }

            if (_latches.GetValueOrDefault(latch.Region) is not { IsSet: true })
            {
                _latches[latch.Region] = latch;
            }
        }

        return Task.CompletedTask;
    }

    public Task<RecycleBinLatch?> ClearLatchAsync(string region, string clearedBy, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Calls.Add("ClearLatch " + region);
            if (_latches.GetValueOrDefault(region) is not { IsSet: true } latch)
            {
                return Task.FromResult<RecycleBinLatch?>(null);
            }

            var cleared = latch with { ClearedAt = at, ClearedBy = clearedBy, ClearReason = reason };
            _latches[region] = cleared;
            return Task.FromResult<RecycleBinLatch?>(cleared);
        }
    }

    public Task PutDisableRecordAsync(DisableRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            Calls.Add($"PutDisable {record.ImageId} {record.Status}");
            if (FailDisablePuts)
            {
                throw new InvalidOperationException("simulated ledger outage on the disable record");
            }

            _disables[(record.Region, record.ImageId)] = record;
        }

        return Task.CompletedTask;
    }

    public Task<DisableRecord?> GetDisableRecordAsync(string region, string imageId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (FailDisableReads)
            {
                throw new InvalidOperationException("simulated ledger outage on a disable-record read");
            }

            return Task.FromResult(_disables.GetValueOrDefault((region, imageId)));
        }
    }

    /// <summary>Deletes a disable record (an operator's hand, or a lost item) behind the functions' backs.</summary>
    public void RemoveDisableRecord(string region, string imageId)
    {
        lock (_gate)
        {
            _disables.Remove((region, imageId));
        }
    }

    public Task<IReadOnlyList<DisableRecord>> ListDisableRecordsAsync(string region, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (FailDisableReads)
            {
                throw new InvalidOperationException("simulated ledger outage on a disable-record read");
            }

            return Task.FromResult<IReadOnlyList<DisableRecord>>([.. _disables.Values.Where(r => r.Region == region)]);
        }
    }
}
