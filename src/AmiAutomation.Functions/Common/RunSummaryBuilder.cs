using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;

namespace AmiAutomation.Functions.Common;

/// <summary>
/// Collects a run's plan, outcomes, failures and flags and turns them into a <see cref="RunSummary"/>.
/// A planned action without a recorded outcome is reported as <c>not-started</c>.
/// </summary>
public sealed class RunSummaryBuilder
{
    private readonly string _function;
    private readonly string _region;
    private readonly string _runId;
    private readonly SweepRequest _request;
    private readonly DateTimeOffset _startedAt;
    private readonly Dictionary<(string ImageId, DecisionAction Action, string? Target), ActionOutcome> _outcomes = [];
    private readonly List<SourceFailure> _failedSources = [];
    private readonly List<string> _errors = [];
    private readonly List<string> _warnings = [];
    private readonly List<string> _unmatched = [];
    private Plan? _plan;
    private bool _stoppedEarly;
    private string? _abortReason;
    private string? _blockedReason;

    public RunSummaryBuilder(string function, string region, string runId, SweepRequest request, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        _function = function;
        _region = region;
        _runId = runId;
        _request = request;
        _startedAt = startedAt;
    }

    public DeregistrationTotals? Deregistration { get; set; }

    /// <summary>Expire only: the Recycle Bin latch as this run left it (set, cleared), when there is one.</summary>
    public string? Latch { get; set; }

    /// <summary>See <see cref="RunSummary.ReferenceCoverage"/>.</summary>
    public string? ReferenceCoverage { get; set; }

    public void SetPlan(Plan plan) => _plan = plan ?? throw new ArgumentNullException(nameof(plan));

    public void AddFailedSource(SourceReport source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _failedSources.Add(new SourceFailure(source.Source.ToString(), source.Status.ToString(), source.Error));
    }

    public void Record(ActionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _outcomes[Key(outcome.Decision)] = outcome;
    }

    public ActionOutcome? OutcomeFor(Decision decision) =>
        _outcomes.TryGetValue(Key(decision), out var outcome) ? outcome : null;

    public void AddError(string error) => _errors.Add(error);

    /// <summary>A requested image id that is not among the account's images in the region (see <see cref="RunSummary.UnmatchedImageIds"/>).</summary>
    public void AddUnmatched(string imageId) => _unmatched.Add(imageId);

    /// <summary>Something about how the run was configured that its reader must know (e.g. no in-use check).</summary>
    public void AddWarning(string warning) => _warnings.Add(warning);

    /// <summary>The deadline cut the run short.</summary>
    public void StopEarly() => _stoppedEarly = true;

    /// <summary>A safety check stopped every further destructive action.</summary>
    public void Abort(string reason) => _abortReason ??= reason;

    /// <summary>A safety gate refused the whole run before anything destructive (latch set, Recycle Bin not ready,
    /// another run holds the lease). The first reason wins.</summary>
    public void Block(string reason) => _blockedReason ??= reason;

    public bool IsBlocked => _blockedReason is not null;

    public RunSummary Build(DateTimeOffset finishedAt)
    {
        var decisions = _plan?.Decisions ?? [];
        var ordered = decisions.Where(d => d.Acts).Concat(decisions.Where(d => !d.Acts)).ToList();
        var words = ordered.Select(d => (Decision: d, Outcome: OutcomeFor(d))).ToList();
        string Word(Decision d, ActionOutcome? o) => _blockedReason is not null && d.Acts && o is null ? OutcomeNames.Blocked : OutcomeOf(d, o);
        var wordsOfActions = words.Where(w => w.Decision.Acts).Select(w => OutcomeOf(w.Decision, w.Outcome)).ToList();
        return new RunSummary
        {
            Function = _function,
            Region = _region,
            RunId = _runId,
            Source = _request.Source,
            DryRun = _request.DryRun,
            Status = RunStatus.Of(
                _blockedReason is not null,
                _failedSources.Count > 0,
                _abortReason is not null,
                wordsOfActions.Count(w => w == OutcomeNames.Failed),
                wordsOfActions.Count(w => w == OutcomeNames.NotStarted)),
            Completed = !_stoppedEarly,
            StoppedEarly = _stoppedEarly,
            StartedAt = _startedAt,
            FinishedAt = finishedAt,
            Counts = decisions
                .GroupBy(d => d.Action.ToString(), StringComparer.Ordinal)
                .ToDictionary(
                    g => g.Key,
                    g => (IReadOnlyDictionary<string, int>)g.GroupBy(d => d.PrimaryReason.ToString(), StringComparer.Ordinal)
                        .ToDictionary(r => r.Key, r => r.Count(), StringComparer.Ordinal),
                    StringComparer.Ordinal),
            Outcomes = words.GroupBy(w => Word(w.Decision, w.Outcome), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            TotalDecisions = ordered.Count,
            Decisions = [.. words.Take(RunSummary.MaxListedDecisions).Select(w => Describe(w.Decision, w.Outcome) with { Outcome = Word(w.Decision, w.Outcome) })],
            DecisionsTruncated = ordered.Count > RunSummary.MaxListedDecisions,
            FailedSources = [.. _failedSources],
            DestructiveRunAborted = _abortReason is not null,
            AbortReason = _abortReason,
            BlockedReason = _blockedReason,
            Errors = [.. _errors],
            UnmatchedImageIds = [.. _unmatched],
            Warnings = [.. _warnings],
            Deregistration = Deregistration,
            Latch = Latch,
            ReferenceCoverage = ReferenceCoverage,
        };
    }

    /// <summary>The outcome word of a decision: planned skips are <c>skipped</c>, unattempted actions <c>not-started</c>.</summary>
    public static string OutcomeOf(Decision decision, ActionOutcome? outcome)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (!decision.Acts)
        {
            return OutcomeNames.Skipped;
        }

        return outcome is null ? OutcomeNames.NotStarted : OutcomeNames.For(outcome.Status);
    }

    /// <summary>The headline reason: the re-check's finding when it stopped the action, else the primary reason.</summary>
    public static string ReasonOf(Decision decision, ActionOutcome? outcome)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return outcome switch
        {
            { Status: OutcomeStatus.SkippedOnRecheck, ErrorCode: { Length: > 0 } code } => code,
            { Status: OutcomeStatus.SkippedOnRecheck } => nameof(OutcomeStatus.SkippedOnRecheck),
            _ => decision.PrimaryReason.ToString(),
        };
    }

    private static DecisionSummary Describe(Decision decision, ActionOutcome? outcome)
    {
        var notDeleted = outcome is not { Status: OutcomeStatus.Succeeded } ? null : outcome.Snapshots.Where(s => !s.Deleted)
            .Select(s => new SnapshotNotDeleted(decision.Image.ImageId, s.SnapshotId, s.SizeGiB, s.ReturnCode))
            .ToList();
        return new DecisionSummary
        {
            ImageId = decision.Image.ImageId,
            Name = decision.Image.Name,
            Family = decision.Family,
            Action = decision.Action.ToString(),
            Reason = ReasonOf(decision, outcome),
            Reasons = [.. decision.Reasons.Select(r => r.ToString())],
            Outcome = OutcomeOf(decision, outcome),
            ErrorCode = outcome?.Status == OutcomeStatus.Failed ? outcome.ErrorCode : null,
            Detail = outcome?.Detail,
            DeprecateAt = decision.DeprecateAt,
            SnapshotsNotDeleted = notDeleted is { Count: > 0 } ? notDeleted : null,
        };
    }

    private static (string, DecisionAction, string?) Key(Decision decision) =>
        (decision.Image.ImageId, decision.Action, decision.TargetRegion);
}
