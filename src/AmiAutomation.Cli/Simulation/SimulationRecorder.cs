using AmiAutomation.Cli.Hosting;
using AmiAutomation.Core.Planning;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Copy;

namespace AmiAutomation.Cli.Simulation;

/// <summary>Collects what the functions reported during a simulated run: per-day counters, a sample of acting
/// decisions, skip reasons, errors. Reads only the functions' own JSON responses.</summary>
internal sealed class SimulationRecorder
{
    /// <summary>Acting decisions kept per action kind (Copy, FinishCopy, Deprecate, Deregister, Restore): at most 20 in all.</summary>
    public const int SamplesPerAction = 4;

    private readonly List<DecisionSample> _samples = [];
    private readonly Dictionary<string, int> _samplesByAction = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SortedDictionary<string, int>> _skips = new(StringComparer.Ordinal);
    private readonly List<FunctionErrorReport> _errors = [];

    public DayCounters Today { get; private set; } = new();

    public int Day { get; private set; }

    public SimulationTotals Totals { get; private set; } = new();

    /// <summary>Images our expire runs deregistered, in order: (day, region, image id, name).</summary>
    public List<(int Day, string Region, string ImageId, string Name)> Expired { get; } = [];

    /// <summary>Copies started and not yet seen finished: (destination region, new image id).</summary>
    public List<(string Region, string ImageId)> PendingCopies { get; } = [];

    public IReadOnlyList<DecisionSample> Samples => _samples;

    public IReadOnlyList<FunctionErrorReport> Errors => _errors;

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> SkipsByReason =>
        _skips.ToDictionary(f => f.Key, f => (IReadOnlyDictionary<string, int>)new Dictionary<string, int>(f.Value, StringComparer.Ordinal), StringComparer.Ordinal);

    public void StartDay(int day)
    {
        Day = day;
        Today = new DayCounters();
    }

    /// <summary>Every invocation: counts it; an error (Lambda's shape) is recorded. True when it succeeded.</summary>
    public bool Invoked(InvocationResult result, string region)
    {
        ArgumentNullException.ThrowIfNull(result);
        Totals = Totals with { Invocations = Totals.Invocations + 1 };
        if (result.Error is { } error)
        {
            _errors.Add(new FunctionErrorReport(Day, result.FunctionName, region, result.RequestId, error.ErrorType, error.ErrorMessage));
            Today.FunctionErrors++;
            Totals = Totals with { FunctionErrors = Totals.FunctionErrors + 1 };
            return false;
        }

        return true;
    }

    public void Built(int count = 1)
    {
        Today.Built += count;
        Totals = Totals with { ImagesBuilt = Totals.ImagesBuilt + count };
    }

    public void Sweep(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        CountSkips(summary);
        foreach (var decision in summary.Decisions.Where(d => d.Action != nameof(DecisionAction.None)))
        {
            Sample(summary.Function, summary.Region, decision.ImageId, decision.Name, decision.Action, decision.Reason, decision.Outcome, decision.Detail);
            Failed(decision.Outcome);
            if (decision.Outcome != OutcomeNames.Succeeded)
            {
                continue;
            }

            if (decision.Action == nameof(DecisionAction.Deprecate))
            {
                Today.Deprecated++;
                Totals = Totals with { Deprecated = Totals.Deprecated + 1 };
            }
            else if (decision.Action == nameof(DecisionAction.Deregister))
            {
                Expired.Add((Day, summary.Region, decision.ImageId, decision.Name));
            }
        }

        if (summary.Deregistration is { } released)
        {
            Today.Expired += released.Deregistered;
            Today.SnapshotGiBReleased += released.SnapshotGiBReleased;
            Totals = Totals with
            {
                Expired = Totals.Expired + released.Deregistered,
                SnapshotsDeleted = Totals.SnapshotsDeleted + released.SnapshotsDeleted,
                SnapshotGiBReleased = Totals.SnapshotGiBReleased + released.SnapshotGiBReleased,
                EstimatedMonthlySavingUsd = Totals.EstimatedMonthlySavingUsd + released.EstimatedMonthlySavingUsd,
            };
        }
    }

    public void Copy(CopyOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        CountSkips(output.Summary);
        foreach (var line in output.Copies)
        {
            Sample("copy", output.Summary.Region, line.ImageId, string.Empty, line.Action, line.Reason, line.Outcome,
                line.Action == nameof(DecisionAction.Copy) ? $"to {line.TargetRegion} as {line.NewImageId}" : line.Detail);
            Failed(line.Outcome);
            if (line.Outcome != OutcomeNames.Succeeded)
            {
                continue;
            }

            if (line.Action == nameof(DecisionAction.Copy) && line.TargetRegion is { } target && line.NewImageId is { } newImage)
            {
                PendingCopies.Add((target, newImage));
                Today.CopiesStarted++;
                Totals = Totals with { CopiesStarted = Totals.CopiesStarted + 1 };
            }
            else if (line.Action == nameof(DecisionAction.FinishCopy))
            {
                Today.CopiesFinished++;
                Totals = Totals with { CopiesFinished = Totals.CopiesFinished + 1 };
            }
        }
    }

    public void Restored(string region, string imageId, string name, string status)
    {
        Sample("restore", region, imageId, name, nameof(DecisionAction.Restore), ReasonCode.InRecycleBin.ToString(), status, null);
        if (status == "restored")
        {
            Today.Restored++;
            Totals = Totals with { Restored = Totals.Restored + 1 };
        }
    }

    private void Sample(string function, string region, string imageId, string name, string action, string reason, string outcome, string? detail)
    {
        var taken = _samplesByAction.GetValueOrDefault(action);
        if (taken >= SamplesPerAction)
        {
            return;
        }

        _samplesByAction[action] = taken + 1;
        _samples.Add(new DecisionSample(Day, function, region, imageId, name, action, reason, outcome, detail));
    }

    private void Failed(string outcome)
    {
        if (outcome == OutcomeNames.Failed)
        {
            Totals = Totals with { FailedActions = Totals.FailedActions + 1 };
        }
    }

    private void CountSkips(RunSummary summary)
    {
        if (!summary.Counts.TryGetValue(nameof(DecisionAction.None), out var byReason))
        {
            return;
        }

        if (!_skips.TryGetValue(summary.Function, out var counts))
        {
            counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            _skips[summary.Function] = counts;
        }

        foreach (var (reason, count) in byReason)
        {
            counts[reason] = counts.GetValueOrDefault(reason) + count;
        }
    }
}
