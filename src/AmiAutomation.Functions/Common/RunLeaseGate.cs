using AmiAutomation.Core.Ledger;
using AmiAutomation.Runtime.Hosting;

namespace AmiAutomation.Functions.Common;

/// <summary>
/// Takes the run lease before a live destructive run (expire, deprecate, restore) and releases it at the end. A run
/// that cannot take it — another run holds it past <see cref="CommonSettings.RunLeaseWait"/>, or the table cannot be
/// reached — does nothing destructive and is reported <c>blocked</c> with the holder named. Dry runs never take it:
/// they change nothing, so they may overlap anything.
/// </summary>
/// <remarks>The lease lapses at the invocation's deadline plus <see cref="Margin"/>, so a run that crashed or timed out
/// blocks the next one for at most that long.</remarks>
public sealed class RunLeaseGate
{
    /// <summary>Added to the invocation deadline: the lease outlives the longest this run can still act.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    /// <summary>Pause between attempts while waiting for another run's lease.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    private readonly IRunLease _lease;
    private readonly string _function;
    private readonly string _scope;
    private readonly TimeProvider _time;
    private readonly TimeSpan _wait;

    public RunLeaseGate(IRunLease lease, string function, string region, TimeProvider time, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(time);
        _lease = lease;
        _function = function;
        _scope = region;
        _time = time;
        _wait = wait;
    }

    /// <summary>Takes the lease for the run of <paramref name="context"/>; waits up to the configured time for a holder to
    /// finish. Returns our holder, or the blocked reason.</summary>
    public async Task<(RunLeaseHolder? Lease, string? BlockedReason)> AcquireAsync(InvocationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var start = _time.GetUtcNow();
        var deadline = context.Deadline > start ? context.Deadline : start + TimeSpan.FromMinutes(15);
        var wanted = new RunLeaseHolder(_scope, context.RequestId, _function, start, deadline + Margin);
        var waitUntil = start + _wait;
        while (true)
        {
            RunLeaseResult result;
            try
            {
                result = await _lease.TryAcquireAsync(wanted, _time.GetUtcNow(), context.CancellationToken);
            }
            catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
            {
                return Blocked(context, "the deadline came while taking the run lease; nothing destructive was done");
            }
#pragma warning disable CA1031 // Fail closed: no lease store, no destructive run.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return Blocked(context, $"the run lease could not be taken ({ex.GetType().Name}: {ex.Message}); nothing destructive was done");
            }

            if (result.Acquired)
            {
                RunLeaseLog.Taken(context.Logger, _function, context.RequestId, _scope, wanted.ExpiresAt);
                return (wanted, null);
            }

            var holder = result.Holder?.Describe() ?? "a run that could not be read";
            var now = _time.GetUtcNow();
            if (now + PollInterval > waitUntil || context.CancellationToken.IsCancellationRequested)
            {
                return Blocked(context, $"another destructive run holds the run lease of {_scope}: {holder}; nothing destructive was done");
            }

            RunLeaseLog.Waiting(context.Logger, _function, context.RequestId, _scope, holder);
            try
            {
                await Task.Delay(PollInterval, _time, context.CancellationToken);
            }
            catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
            {
                return Blocked(context, $"another destructive run holds the run lease of {_scope}: {holder}; the deadline came while waiting");
            }
        }
    }

    /// <summary>Releases our lease; a failure is logged, never thrown (the lease lapses by itself).</summary>
    public async Task ReleaseAsync(RunLeaseHolder lease, InvocationContext context)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            // Not the invocation's token: it may have fired, and the lease should still go.
            if (await _lease.ReleaseAsync(lease, CancellationToken.None))
            {
                RunLeaseLog.Released(context.Logger, _function, context.RequestId, _scope);
            }
            else
            {
                RunLeaseLog.NotReleased(context.Logger, _function, context.RequestId, _scope, "another run holds it now", lease.ExpiresAt);
            }
        }
#pragma warning disable CA1031 // Releasing is best effort: the lease expires anyway.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            RunLeaseLog.NotReleased(context.Logger, _function, context.RequestId, _scope, $"{ex.GetType().Name}: {ex.Message}", lease.ExpiresAt);
        }
    }

    private (RunLeaseHolder?, string?) Blocked(InvocationContext context, string reason)
    {
        RunLeaseLog.Blocked(context.Logger, _function, context.RequestId, reason);
        return (null, reason);
    }
}
