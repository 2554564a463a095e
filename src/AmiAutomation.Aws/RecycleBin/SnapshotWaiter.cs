using AmiAutomation.Core.Restore;
using Amazon.Runtime;

namespace AmiAutomation.Aws.RecycleBin;

/// <summary>
/// Polls DescribeSnapshots until every awaited snapshot is <c>completed</c>, one is in <c>error</c>, or the
/// cancellation token (the invocation's deadline minus its margin) fires. The delay between polls runs on the
/// injected <see cref="TimeProvider"/>, so tests with a fake clock never sleep.
/// </summary>
public sealed class SnapshotWaiter
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(15);

    private readonly Ec2RestoreLookup _lookup;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;

    public SnapshotWaiter(Ec2RestoreLookup lookup, TimeProvider time, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(time);
        _lookup = lookup;
        _time = time;
        _interval = interval ?? DefaultInterval;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_interval, TimeSpan.Zero, nameof(interval));
    }

    /// <remarks>ec2:DescribeSnapshots</remarks>
    public async Task<SnapshotWaitResult> WaitAsync(IReadOnlyCollection<string> snapshotIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshotIds);
        var pending = snapshotIds.Distinct(StringComparer.Ordinal).ToList();
        var completed = new List<string>();
        var failed = new List<string>();
        var polls = 0;
        while (pending.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                var states = await _lookup.DescribeSnapshotsAsync(pending, cancellationToken);
                polls++;
                foreach (var id in pending.ToList())
                {
                    // Absent right after the restore call: eventual consistency, ask again.
                    var condition = states.TryGetValue(id, out var status) ? Ec2RestoreLookup.ConditionOf(status.State) : SnapshotCondition.Restoring;
                    if (condition == SnapshotCondition.Ready)
                    {
                        completed.Add(id);
                        pending.Remove(id);
                    }
                    else if (condition == SnapshotCondition.Failed)
                    {
                        failed.Add(id);
                        pending.Remove(id);
                    }
                }

                if (failed.Count > 0 || pending.Count == 0)
                {
                    break;
                }

                await Task.Delay(_interval, _time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (AmazonServiceException ex) when (RestoreCalls.IsTransient(ex))
            {
                // Throttled after the SDK's retries: wait a round and ask again (still bounded by the deadline).
                if (!await DelayAsync(cancellationToken))
                {
                    break;
                }
            }
        }

        return new SnapshotWaitResult { Completed = completed, StillRestoring = pending, Failed = failed, Polls = polls };
    }

    private async Task<bool> DelayAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(_interval, _time, cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
