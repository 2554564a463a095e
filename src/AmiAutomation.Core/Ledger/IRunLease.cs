namespace AmiAutomation.Core.Ledger;

/// <summary>
/// One destructive run at a time per account and region (expire, deprecate, restore), whatever started it: a lease
/// item next to the ledger records. DynamoDB in AWS (a conditional write), in memory in the simulator.
/// </summary>
public interface IRunLease
{
    /// <summary>
    /// Takes the lease of <paramref name="wanted"/>.<see cref="RunLeaseHolder.Scope"/> when it is free, expired at
    /// <paramref name="now"/>, or already held by the same run id. Otherwise returns the current holder. Throws when the
    /// store cannot be reached: the caller must then not act (fail closed).
    /// </summary>
    Task<RunLeaseResult> TryAcquireAsync(RunLeaseHolder wanted, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Releases the lease if <paramref name="holder"/>'s run still holds it; false when another run holds it now
    /// (ours had expired) or it is gone.</summary>
    Task<bool> ReleaseAsync(RunLeaseHolder holder, CancellationToken cancellationToken);
}
