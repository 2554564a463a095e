namespace AmiAutomation.Core.Ledger;

/// <summary>The durable record of deregistered images. DynamoDB in AWS, in memory in the simulator.</summary>
public interface IDeregistrationLedger
{
    /// <summary>Creates or replaces the record. Throws when the write fails: the caller must not deregister then.</summary>
    Task PutAsync(LedgerRecord record, CancellationToken cancellationToken);

    Task<LedgerRecord?> GetAsync(string region, string imageId, CancellationToken cancellationToken);

    /// <summary>Every record of a region (restore's list and name/family lookups).</summary>
    Task<IReadOnlyList<LedgerRecord>> ListAsync(string region, CancellationToken cancellationToken);

    Task UpdateStatusAsync(string region, string imageId, LedgerStatus status, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The region's Recycle Bin latch record (set or cleared); null when it was never set.</summary>
    Task<RecycleBinLatch?> GetLatchAsync(string region, CancellationToken cancellationToken);

    /// <summary>Sets the latch unless it is already set (the first miss is kept). Throws when the write fails.</summary>
    Task SetLatchAsync(RecycleBinLatch latch, CancellationToken cancellationToken);

    /// <summary>Clears a set latch, recording who, why and when; returns the cleared record, or null when it was not set.</summary>
    Task<RecycleBinLatch?> ClearLatchAsync(string region, string clearedBy, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the image's disable record (a record type of its own; it never shows in
    /// <see cref="ListAsync"/>). Throws when the write fails: the caller must not disable then.</summary>
    Task PutDisableRecordAsync(DisableRecord record, CancellationToken cancellationToken);

    Task<DisableRecord?> GetDisableRecordAsync(string region, string imageId, CancellationToken cancellationToken);

    /// <summary>Every disable record of a region (expire with the disable stage on dates disabled images by them).</summary>
    Task<IReadOnlyList<DisableRecord>> ListDisableRecordsAsync(string region, CancellationToken cancellationToken);
}
