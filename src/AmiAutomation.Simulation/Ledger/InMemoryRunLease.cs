using AmiAutomation.Core.Ledger;

namespace AmiAutomation.Simulation.Ledger;

/// <summary>
/// The run lease in memory, with the same rules as the DynamoDB one (free, expired or ours → taken). Thread safe.
/// Share one instance between the functions of a simulated stack so their runs exclude each other.
/// </summary>
public sealed class InMemoryRunLease : IRunLease
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RunLeaseHolder> _leases = new(StringComparer.Ordinal);
    private bool _unavailable;

    /// <summary>Successful acquisitions so far.</summary>
    public int Acquisitions { get; private set; }

    /// <summary>The holder of <paramref name="scope"/>, expired or not; null when free.</summary>
    public RunLeaseHolder? HolderOf(string scope)
    {
        lock (_gate)
        {
            return _leases.GetValueOrDefault(scope);
        }
    }

    /// <summary>Every call throws until <see cref="Restore"/> (a table that cannot be reached).</summary>
    public void MakeUnavailable()
    {
        lock (_gate)
        {
            _unavailable = true;
        }
    }

    public void Restore()
    {
        lock (_gate)
        {
            _unavailable = false;
        }
    }

    public Task<RunLeaseResult> TryAcquireAsync(RunLeaseHolder wanted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfUnavailable();
            if (_leases.TryGetValue(wanted.Scope, out var current) && current.ExpiresAt >= now
                && !string.Equals(current.RunId, wanted.RunId, StringComparison.Ordinal))
            {
                return Task.FromResult(RunLeaseResult.HeldBy(current));
            }

            _leases[wanted.Scope] = wanted;
            Acquisitions++;
            return Task.FromResult(RunLeaseResult.Taken(wanted));
        }
    }

    public Task<bool> ReleaseAsync(RunLeaseHolder holder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(holder);
        lock (_gate)
        {
            ThrowIfUnavailable();
            if (_leases.TryGetValue(holder.Scope, out var current) && string.Equals(current.RunId, holder.RunId, StringComparison.Ordinal))
            {
                _leases.Remove(holder.Scope);
                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        }
    }

    private void ThrowIfUnavailable()
    {
        if (_unavailable)
        {
            throw new LedgerWriteException("Simulated run lease failure: the lease table cannot be reached.");
        }
    }
}
