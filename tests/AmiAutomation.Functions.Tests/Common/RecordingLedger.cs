using AmiAutomation.Core.Ledger;

namespace AmiAutomation.Functions.Tests.Common;

/// <summary>An in-memory ledger that records every call and can be told to fail puts or status updates.</summary>
public sealed class RecordingLedger : IDeregistrationLedger
{
    private readonly Dictionary<(string Region, string ImageId), LedgerRecord> _records = [];
    private readonly Lock _gate = new();

    public bool FailPuts { get; set; }

    public bool FailUpdates { get; set; }

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
}
