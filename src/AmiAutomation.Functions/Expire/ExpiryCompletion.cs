using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Planning;
using AmiAutomation.Functions.Common;

namespace AmiAutomation.Functions.Expire;

/// <summary>Adds expire's totals (deregistered, snapshots, GiB, saving, ledger and disable records written), the Recycle
/// Bin misses, abort and latch to the summary.</summary>
public sealed class ExpiryCompletion(ExpiryGuard guard, DisableRecorder disables, double snapshotPricePerGiBMonth) : ISweepCompletion
{
    public void Complete(IReadOnlyList<ActionOutcome> outcomes, RunSummaryBuilder summary, DecisionReporter reporter)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(reporter);
        var done = outcomes.Where(o => o.Decision.Action == DecisionAction.Deregister && o.Status == OutcomeStatus.Succeeded).ToList();
        var deleted = done.SelectMany(o => o.Snapshots).Where(s => s.Deleted).ToList();
        var gib = deleted.Sum(s => (double)s.SizeGiB);
        var totals = new DeregistrationTotals
        {
            Deregistered = done.Count,
            SnapshotsDeleted = deleted.Count,
            SnapshotGiBReleased = gib,
            EstimatedMonthlySavingUsd = Math.Round(gib * snapshotPricePerGiBMonth, 2, MidpointRounding.AwayFromZero),
            SnapshotsNotDeleted = [.. done.SelectMany(o => o.Snapshots.Where(s => !s.Deleted)
                .Select(s => new SnapshotNotDeleted(o.Decision.Image.ImageId, s.SnapshotId, s.SizeGiB, s.ReturnCode)))],
            LedgerRecordsWritten = guard.LedgerRecordsWritten,
            DisableRecordsWritten = disables.RecordsWritten,
        };
        summary.Deregistration = totals;
        reporter.Released(totals);
        foreach (var check in guard.Safety.Checks.Where(c => !c.AllInBin))
        {
            foreach (var group in check.Misses.GroupBy(m => m.Status))
            {
                reporter.RecycleBinMiss(group.Key.ToString(), group.Count(), check.Describe());
            }
        }

        summary.Latch = guard.Safety.Latch?.Describe();
        if (guard.AbortReason is { } reason)
        {
            summary.Abort(reason);
            summary.AddError(reason);
            reporter.Aborted(reason);
        }
    }
}
