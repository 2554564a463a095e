namespace AmiAutomation.Core.Ledger;

/// <summary>
/// The Recycle Bin latch of one region: set when a deregistered image or deleted snapshot was not seen in the bin (or
/// could not be checked); while set, no expire run deregisters anything. Only an operator clears it, and the clearing
/// (who, why, when) stays on the record until the next miss sets it again.
/// </summary>
public sealed record RecycleBinLatch
{
    public required string Region { get; init; }

    public required DateTimeOffset SetAt { get; init; }

    /// <summary>The run whose check missed.</summary>
    public required string RunId { get; init; }

    /// <summary>The deregistered image the miss is about.</summary>
    public required string ImageId { get; init; }

    /// <summary>What the check found, in words (which resources, not in the bin or could not check, why).</summary>
    public required string Reason { get; init; }

    public DateTimeOffset? ClearedAt { get; init; }

    public string? ClearedBy { get; init; }

    public string? ClearReason { get; init; }

    public bool IsSet => ClearedAt is null;

    public string Describe() => IsSet
        ? $"Recycle Bin latch set at {SetAt:u} by run {RunId} ({ImageId}): {Reason}"
        : $"Recycle Bin latch cleared at {ClearedAt:u} by {ClearedBy} ({ClearReason}); last set at {SetAt:u} by run {RunId} ({ImageId}): {Reason}";
}
