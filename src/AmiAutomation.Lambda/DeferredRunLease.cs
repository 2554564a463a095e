using AmiAutomation.Core.Ledger;

namespace AmiAutomation.Lambda;

/// <summary>Creates the DynamoDB run lease on first use (dry runs and copy never take it).</summary>
internal sealed class DeferredRunLease(Func<IRunLease> create) : IRunLease
{
    private readonly Lazy<IRunLease> _lease = new(create);

    public Task<RunLeaseResult> TryAcquireAsync(RunLeaseHolder wanted, DateTimeOffset now, CancellationToken cancellationToken) =>
        _lease.Value.TryAcquireAsync(wanted, now, cancellationToken);

    public Task<bool> ReleaseAsync(RunLeaseHolder holder, CancellationToken cancellationToken) =>
        _lease.Value.ReleaseAsync(holder, cancellationToken);
}
