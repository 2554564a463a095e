using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Replication;
using AmiAutomation.Functions.Common;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.Runtime.Metrics;

namespace AmiAutomation.Functions.Copy;

/// <summary>
/// One invocation's record: every decision (logged when planned), every outcome (logged when known), stuck copies,
/// invalid names, errors; it records the EMF metrics and builds the <see cref="CopyOutput"/>.
/// </summary>
internal sealed class CopyRun
{
    public const string FunctionName = "copy";

    private readonly InvocationContext _context;
    private readonly CopyInvocation _invocation;
    private readonly string _region;
    private readonly DateTimeOffset _startedAt;
    private readonly RunSummaryBuilder _summary;
    private readonly List<Decision> _decisions = [];
    private readonly Dictionary<(string, DecisionAction, string?), ActionOutcome> _outcomes = [];
    private readonly List<StuckCopy> _stuck = [];
    private readonly List<string> _invalidTargets = [];
    private readonly List<TagsNotCopiedLine> _tagsNotCopied = [];
    private readonly List<string> _warnings = [];
    private readonly Dictionary<string, int> _settled = new(StringComparer.Ordinal);
    private int _failedImages;
    private string? _noOpReason;

    public CopyRun(InvocationContext context, CopyInvocation invocation, string region)
    {
        _context = context;
        _invocation = invocation;
        _region = region;
        _startedAt = context.TimeProvider.GetUtcNow();
        _summary = new RunSummaryBuilder(FunctionName, region, context.RequestId, new SweepRequest(invocation.Trigger, invocation.DryRun, null, null), _startedAt);
        CopyLog.RunStarted(context.Logger, context.RequestId, region, KindName(invocation.Kind), invocation.Trigger, invocation.ImageId, invocation.DryRun);
    }

    public bool DryRun => _invocation.DryRun;

    /// <summary>The account this run acts for (ACCOUNT_ID or the function's ARN): sources it does not own are never copied.</summary>
    public required string AccountId { get; init; }

    public DateTimeOffset Now => _context.TimeProvider.GetUtcNow();

    public CancellationToken CancellationToken => _context.CancellationToken;

    public int Started { get; private set; }

    /// <summary>Adds a planned decision: skips are reported at once, actions when their outcome arrives.</summary>
    public void Plan(Decision decision)
    {
        _decisions.Add(decision);
        var reason = decision.PrimaryReason.ToString();
        if (decision.Acts)
        {
            CopyLog.Planned(_context.Logger, decision.Image.ImageId, decision.Action.ToString(), decision.TargetRegion, reason, string.Join("; ", decision.Reasons));
            return;
        }

        CopyLog.Decided(_context.Logger, decision.Image.ImageId, decision.Action.ToString(), decision.TargetRegion, OutcomeNames.Skipped, reason, null, string.Join("; ", decision.Reasons));
        _context.Metrics.Add(MetricNames.SkippedImages, 1, MetricUnit.Count, (MetricNames.ReasonDimension, reason));
    }

    /// <summary>Counts a skip without listing or logging it (reconcile: images that need nothing).</summary>
    public void Settle(ReasonCode reason)
    {
        var key = reason.ToString();
        _settled[key] = _settled.GetValueOrDefault(key) + 1;
    }

    public void Record(ActionOutcome outcome)
    {
        var decision = outcome.Decision;
        _outcomes[Key(decision)] = outcome;
        _summary.Record(outcome);
        var word = OutcomeNames.For(outcome.Status);
        var action = decision.Action.ToString();
        var reason = RunSummaryBuilder.ReasonOf(decision, outcome);
        if (outcome.Status == OutcomeStatus.Failed)
        {
            CopyLog.DecisionFailed(_context.Logger, decision.Image.ImageId, action, decision.TargetRegion, word, reason, outcome.ErrorCode, outcome.Detail);
            _context.Metrics.Add(CopyMetricNames.CopiesFailed, 1);
            _context.Metrics.Add(MetricNames.Errors, 1);
            return;
        }

        CopyLog.Decided(_context.Logger, decision.Image.ImageId, action, decision.TargetRegion, word, reason, outcome.NewImageId, outcome.Detail);
        switch (outcome.Status)
        {
            case OutcomeStatus.Succeeded when decision.Action == DecisionAction.Copy:
                Started++;
                _context.Metrics.Add(CopyMetricNames.CopiesStarted, 1);
                break;
            case OutcomeStatus.Succeeded when decision.Action == DecisionAction.FinishCopy:
                _context.Metrics.Add(CopyMetricNames.CopiesFinished, 1);
                break;
            case OutcomeStatus.Deferred:
                _context.Metrics.Add(CopyMetricNames.CopiesDeferred, 1);
                break;
            case OutcomeStatus.DryRun:
                _context.Metrics.Add(MetricNames.DryRunActions, 1, MetricUnit.Count, (MetricNames.ActionDimension, action));
                break;
            case OutcomeStatus.SkippedOnRecheck:
                _context.Metrics.Add(MetricNames.SkippedImages, 1, MetricUnit.Count, (MetricNames.ReasonDimension, reason));
                break;
            default:
                break;
        }
    }

    /// <summary>An image (a copy of ours) ended <c>failed</c>: counted as a failed copy.</summary>
    public void ImageFailed(Decision decision)
    {
        _failedImages++;
        _context.Metrics.Add(CopyMetricNames.CopiesFailed, 1);
        Plan(decision);
    }

    public void AddStuck(IEnumerable<StuckCopy> stuck)
    {
        foreach (var copy in stuck)
        {
            _stuck.Add(copy);
            CopyLog.Stuck(_context.Logger, copy.CopyImageId, copy.Region, copy.SourceImageId, copy.PendingSince, (int)copy.PendingFor.TotalMinutes);
        }
    }

    public void AddInvalidTargets(string imageId, IReadOnlyList<string> regions)
    {
        if (regions.Count == 0)
        {
            return;
        }

        CopyLog.InvalidTargets(_context.Logger, imageId, string.Join(", ", regions));
        _invalidTargets.AddRange(regions.Select(r => $"{imageId}: '{r}'"));
        _summary.AddError($"{imageId} names destinations that are not AWS region names: {string.Join(", ", regions.Select(r => $"'{r}'"))}");
        _context.Metrics.Add(MetricNames.Errors, 1);
    }

    /// <summary>Tags left out to stay within EC2's limit: logged as a warning and listed in the output.</summary>
    public void TagsNotCopied(string imageId, string? targetRegion, IReadOnlyList<string> keys)
    {
        if (keys.Count == 0)
        {
            return;
        }

        CopyLog.TagsNotCopied(_context.Logger, imageId, targetRegion, string.Join(", ", keys));
        _tagsNotCopied.Add(new TagsNotCopiedLine(imageId, targetRegion, keys));
    }

    /// <summary>Something the owner should act on; not an error (the run did what it could).</summary>
    public void Warn(string warning)
    {
        CopyLog.Warning(_context.Logger, warning);
        _warnings.Add(warning);
    }

    public void Error(string error)
    {
        CopyLog.RunError(_context.Logger, error);
        _summary.AddError(error);
        _context.Metrics.Add(MetricNames.Errors, 1);
    }

    public void NoOp(string reason)
    {
        _noOpReason = reason;
        CopyLog.NoOp(_context.Logger, _invocation.ImageId, reason);
    }

    public void StopEarly() => _summary.StopEarly();

    public CopyOutput Finish()
    {
        var notStarted = 0;
        foreach (var decision in _decisions.Where(d => d.Acts && !_outcomes.ContainsKey(Key(d))))
        {
            notStarted++;
            CopyLog.Decided(_context.Logger, decision.Image.ImageId, decision.Action.ToString(), decision.TargetRegion, OutcomeNames.NotStarted, decision.PrimaryReason.ToString(), null, null);
            _context.Metrics.Add(MetricNames.NotStartedActions, 1, MetricUnit.Count, (MetricNames.ActionDimension, decision.Action.ToString()));
        }

        if (_stuck.Count > 0)
        {
            _context.Metrics.Add(CopyMetricNames.CopiesStuck, _stuck.Count);
        }

        _summary.SetPlan(new Plan(FunctionName, _region, _startedAt, _decisions, []));
        var summary = _summary.Build(Now);
        var outcomes = _outcomes.Values.ToList();
        var counts = new CopyCounts
        {
            Started = Started,
            Finished = outcomes.Count(o => o.Status == OutcomeStatus.Succeeded && o.Decision.Action == DecisionAction.FinishCopy),
            Failed = outcomes.Count(o => o.Status == OutcomeStatus.Failed) + _failedImages,
            Deferred = outcomes.Count(o => o.Status == OutcomeStatus.Deferred),
            Stuck = _stuck.Count,
            DryRun = outcomes.Count(o => o.Status == OutcomeStatus.DryRun),
            NotStarted = notStarted,
            Skipped = _decisions.Where(d => !d.Acts).Select(d => d.PrimaryReason.ToString())
                .Concat(outcomes.Where(o => o.Status == OutcomeStatus.SkippedOnRecheck).Select(o => RunSummaryBuilder.ReasonOf(o.Decision, o)))
                .GroupBy(r => r, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        };
        _context.Metrics.Add(MetricNames.RunsCompleted, 1);
        if (counts.Failed > 0)
        {
            _context.Metrics.Add(MetricNames.ActionsFailed, counts.Failed);
        }

        CopyLog.RunFinished(_context.Logger, _context.RequestId, counts.Started, counts.Finished, counts.Failed, counts.Deferred, counts.Stuck, counts.DryRun, counts.NotStarted, summary.StoppedEarly);
        return new CopyOutput
        {
            Status = _failedImages > 0 && summary.Status == RunStatus.Succeeded ? RunStatus.Partial : summary.Status,
            Trigger = _invocation.Trigger,
            Kind = KindName(_invocation.Kind),
            ImageId = _invocation.ImageId,
            EventState = _invocation.EventState,
            NoOpReason = _noOpReason,
            Counts = counts,
            Copies = [.. _decisions.Where(d => d.Acts).Take(RunSummary.MaxListedDecisions).Select(Line)],
            Stuck = [.. _stuck.Select(s => new StuckCopyLine(s.CopyImageId, s.Region, s.SourceImageId, s.PendingSince, (int)s.PendingFor.TotalMinutes))],
            InvalidTargets = [.. _invalidTargets],
            TagsNotCopied = [.. _tagsNotCopied],
            Warnings = [.. _warnings],
            Settled = new Dictionary<string, int>(_settled, StringComparer.Ordinal),
            Summary = summary,
        };
    }

    private CopyLine Line(Decision decision)
    {
        var outcome = _outcomes.GetValueOrDefault(Key(decision));
        return new CopyLine
        {
            ImageId = decision.Image.ImageId,
            Action = decision.Action.ToString(),
            TargetRegion = decision.TargetRegion,
            NewImageId = outcome?.NewImageId,
            Outcome = RunSummaryBuilder.OutcomeOf(decision, outcome),
            Reason = RunSummaryBuilder.ReasonOf(decision, outcome),
            ErrorCode = outcome?.Status == OutcomeStatus.Failed ? outcome.ErrorCode : null,
            Detail = outcome?.Detail,
        };
    }

    private static (string, DecisionAction, string?) Key(Decision decision) =>
        (decision.Image.ImageId, decision.Action, decision.TargetRegion);

    private static string KindName(CopyInvocationKind kind) => kind switch
    {
        CopyInvocationKind.ImageAvailable => "image-available",
        CopyInvocationKind.ImageFailed => "image-failed",
        CopyInvocationKind.NoOp => "no-op",
        CopyInvocationKind.Manual => "manual",
        _ => "reconcile",
    };
}
