using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Runtime.Metrics;
using Microsoft.Extensions.Logging;

namespace AmiAutomation.Functions.Common;

/// <summary>
/// Logs one structured line per decision (<c>"{Function} {ImageId} {Action} {Outcome} {Reason}"</c>) and records
/// the EMF metrics of <see cref="MetricNames"/>. Dry runs record <see cref="MetricNames.DryRunActions"/>, never
/// the "done" metrics.
/// </summary>
public sealed class DecisionReporter
{
    private readonly string _function;
    private readonly ILogger _logger;
    private readonly MetricsRecorder _metrics;

    public DecisionReporter(string function, ILogger logger, MetricsRecorder metrics)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(function);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(metrics);
        _function = function;
        _logger = logger;
        _metrics = metrics;
    }

    public void RunStarted(string runId, string region, SweepRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        SweepLog.RunStarted(_logger, _function, runId, region, request.Source, request.DryRun, request.IsSelective);
    }

    /// <summary>Logs the whole plan before anything runs: a count line, then one line per planned action.</summary>
    public void LogPlan(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var actions = plan.Actions.ToList();
        SweepLog.PlanSummary(_logger, _function, actions.Count, plan.Decisions.Count - actions.Count, plan.Decisions.Count, plan.Region);
        foreach (var decision in actions)
        {
            SweepLog.PlannedDecision(
                _logger, _function, decision.Image.ImageId, decision.Action.ToString(), decision.PrimaryReason.ToString(),
                decision.Family, decision.DeprecateAt, string.Join("; ", decision.Reasons));
        }
    }

    public void SourceFailed(SourceReport source)
    {
        ArgumentNullException.ThrowIfNull(source);
        SweepLog.SourceFailed(_logger, _function, source.Source.ToString(), source.Status.ToString(), source.Error);
        _metrics.Add(MetricNames.InventorySourceFailures, 1, MetricUnit.Count, (MetricNames.SourceDimension, source.Source.ToString()));
        _metrics.Add(MetricNames.Errors, 1);
    }

    /// <summary>Reports one decision's final state; <paramref name="outcome"/> is null when it was never attempted.</summary>
    /// <returns>The outcome word (see <see cref="OutcomeNames"/>).</returns>
    /// <param name="blocked">The run was refused by a safety gate: unattempted actions are <c>blocked</c>.</param>
    public string Report(Decision decision, ActionOutcome? outcome, bool blocked = false)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var word = blocked && decision.Acts && outcome is null ? OutcomeNames.Blocked : RunSummaryBuilder.OutcomeOf(decision, outcome);
        var action = decision.Action.ToString();
        var reason = RunSummaryBuilder.ReasonOf(decision, outcome);
        if (word == OutcomeNames.Failed)
        {
            SweepLog.DecisionFailed(_logger, _function, decision.Image.ImageId, action, word, reason, outcome?.ErrorCode, outcome?.Detail);
            _metrics.Add(MetricNames.Errors, 1);
        }
        else
        {
            SweepLog.Decision(_logger, _function, decision.Image.ImageId, action, word, reason);
        }

        RecordMetrics(decision, outcome, word, reason);
        return word;
    }

    public void Aborted(string reason)
    {
        SweepLog.RunAborted(_logger, _function, reason);
        _metrics.Add(MetricNames.DestructiveRunAborted, 1);
    }

    /// <summary>A safety gate refused the run; <paramref name="refusedActions"/> planned actions were not attempted.</summary>
    public void Blocked(SweepBlock block, int refusedActions)
    {
        ArgumentNullException.ThrowIfNull(block);
        SweepLog.RunBlocked(_logger, _function, block.Kind, refusedActions, block.Reason);
        _metrics.Add(MetricNames.RunsBlockedByGate, 1, MetricUnit.Count, (MetricNames.ReasonDimension, block.Kind));
        if (block.Kind == SweepBlockKinds.RecycleBinLatch)
        {
            _metrics.Add(MetricNames.DeregistrationsBlockedByLatch, refusedActions);
        }
    }

    /// <summary>A deregistered resource not seen in the Recycle Bin.</summary>
    public void RecycleBinMiss(string outcome, int resources, string reason)
    {
        SweepLog.RecycleBinMiss(_logger, _function, outcome, resources, reason);
        _metrics.Add(MetricNames.RecycleBinMisses, resources, MetricUnit.Count, (MetricNames.OutcomeDimension, outcome));
    }

    /// <summary>A configuration that weakens a safety check, logged at the start of every run it applies to.</summary>
    public void Warn(string warning) => SweepLog.ConfigurationWarning(_logger, _function, warning);

    public void Error(string error)
    {
        SweepLog.RunError(_logger, _function, error);
        _metrics.Add(MetricNames.Errors, 1);
    }

    /// <summary>Totals that only make sense per run: GiB released and the estimated monthly saving.</summary>
    public void Released(DeregistrationTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        if (totals.SnapshotGiBReleased > 0)
        {
            _metrics.Add(MetricNames.SnapshotGiBReleased, totals.SnapshotGiBReleased, MetricUnit.Gigabytes);
            _metrics.Add(MetricNames.EstimatedMonthlySavingUsd, totals.EstimatedMonthlySavingUsd, MetricUnit.None);
        }
    }

    public void Finished(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.StoppedEarly)
        {
            _metrics.Add(MetricNames.RunStoppedEarly, 1);
        }

        RecordStatus(summary);
        var outcomes = string.Join(", ", summary.Outcomes.Select(o => $"{o.Key}={o.Value}"));
        SweepLog.RunFinished(_logger, _function, summary.RunId, summary.Completed, summary.StoppedEarly, summary.DestructiveRunAborted, outcomes);
    }

    /// <summary>The per-run metrics the template's alarms watch, service dimension only (see <see cref="MetricNames"/>).</summary>
    private void RecordStatus(RunSummary summary)
    {
        _metrics.Add(MetricNames.RunsCompleted, 1);
        if (summary.BlockedReason is { } blocked)
        {
            SweepLog.RunError(_logger, _function, "blocked: " + blocked);
            _metrics.Add(MetricNames.RunsBlocked, 1);
        }

        if (summary.Status == RunStatus.Failed)
        {
            _metrics.Add(MetricNames.RunsFailed, 1);
        }

        if (summary.FailedSources.Count > 0)
        {
            _metrics.Add(MetricNames.InventorySourcesFailed, summary.FailedSources.Count);
        }

        var failedActions = summary.Outcomes.GetValueOrDefault(OutcomeNames.Failed);
        if (failedActions > 0)
        {
            _metrics.Add(MetricNames.ActionsFailed, failedActions);
        }
    }

    private void RecordMetrics(Decision decision, ActionOutcome? outcome, string word, string reason)
    {
        var action = decision.Action.ToString();
        switch (word)
        {
            case OutcomeNames.Skipped:
                _metrics.Add(MetricNames.SkippedImages, 1, MetricUnit.Count, (MetricNames.ReasonDimension, reason));
                break;
            case OutcomeNames.DryRun:
                _metrics.Add(MetricNames.DryRunActions, 1, MetricUnit.Count, (MetricNames.ActionDimension, action));
                break;
            case OutcomeNames.NotStarted:
                _metrics.Add(MetricNames.NotStartedActions, 1, MetricUnit.Count, (MetricNames.ActionDimension, action));
                break;
            case OutcomeNames.Succeeded when decision.Action == DecisionAction.Deprecate:
                _metrics.Add(MetricNames.AmisDeprecated, 1);
                break;
            case OutcomeNames.Succeeded when decision.Action == DecisionAction.Disable:
                _metrics.Add(MetricNames.AmisDisabled, 1);
                break;
            case OutcomeNames.Succeeded when decision.Action == DecisionAction.Deregister:
                _metrics.Add(MetricNames.AmisDeregistered, 1);
                RecordSnapshots(decision, outcome!);
                break;
            default:
                break;
        }
    }

    private void RecordSnapshots(Decision decision, ActionOutcome outcome)
    {
        var deleted = outcome.Snapshots.Count(s => s.Deleted);
        if (deleted > 0)
        {
            _metrics.Add(MetricNames.SnapshotsDeleted, deleted);
        }

        foreach (var snapshot in outcome.Snapshots.Where(s => !s.Deleted))
        {
            SweepLog.SnapshotNotDeleted(_logger, _function, decision.Image.ImageId, snapshot.SnapshotId, snapshot.SizeGiB, snapshot.ReturnCode);
            _metrics.Add(MetricNames.SnapshotsNotDeleted, 1, MetricUnit.Count, (MetricNames.ReturnCodeDimension, snapshot.ReturnCode));
        }
    }
}
