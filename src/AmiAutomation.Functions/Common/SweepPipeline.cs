using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Functions.Composition;
using AmiAutomation.Runtime.Hosting;

namespace AmiAutomation.Functions.Common;

/// <summary>
/// One sweep in the stack's region: read the inventory candidates first (fleet-wide sources concurrently, then the
/// per-image references only for the images the planner's <c>candidates</c> name; fail closed) → plan (pure, with the run's start as "now"; for
/// expire through <see cref="SharedImageStage"/>, which reads the candidates' launch permissions and usage reports) →
/// log the plan → execute through <see cref="Ec2PlanExecutor"/> (dry-run honoured, deadline = the invocation's token)
/// → report every decision → <see cref="RunSummary"/>. Shared by deprecate and expire; the planner is the difference.
/// A live run first takes the run lease (<see cref="RunLeaseGate"/>): one destructive run at a time per region.
/// </summary>
public sealed class SweepPipeline
{
    private readonly string _function;
    private readonly FunctionServices _services;
    private readonly CommonSettings _common;
    private readonly Ec2RateLimiterRegistry _rateLimiters;

    /// <param name="rateLimiters">Client-side EC2 rate limits; default EC2's documented buckets on <see cref="FunctionServices.Time"/>.</param>
    public SweepPipeline(string function, FunctionServices services, CommonSettings common, Ec2RateLimiterRegistry? rateLimiters = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(function);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(common);
        _function = function;
        _services = services;
        _common = common;
        _rateLimiters = rateLimiters ?? new Ec2RateLimiterRegistry(services.Time);
    }

    public async Task<RunSummary> RunAsync(
        SweepRequest request,
        InvocationContext context,
        Func<InventorySnapshot, PlanSelection, DateTimeOffset, Plan> planner,
        ExecutionOptions execution,
        ISweepCompletion? completion = null,
        SharingOptions? sharing = null,
        ISweepGate? safetyGate = null,
        Func<InventorySnapshot, PlanSelection, DateTimeOffset, IReadOnlySet<string>>? candidates = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(execution);
        var now = _services.Time.GetUtcNow();
        var reporter = new DecisionReporter(_function, context.Logger, context.Metrics);
        var summary = new RunSummaryBuilder(_function, _services.Region, context.RequestId, request, now);
        reporter.RunStarted(context.RequestId, _services.Region, request);
        if (_common.NoInUseCheck)
        {
            summary.AddWarning(CommonSettings.NoInUseCheckWarning);
            reporter.Warn(CommonSettings.NoInUseCheckWarning);
        }
        RunLeaseGate? leaseGate = null;
        RunLeaseHolder? lease = null;
        if (!request.DryRun)
        {
            leaseGate = new RunLeaseGate(_services.RunLease, _function, _services.Region, _services.Time, _common.RunLeaseWait);
            (lease, var blocked) = await leaseGate.AcquireAsync(context);
            if (blocked is not null)
            {
                summary.Block(blocked);
                var refused = summary.Build(_services.Time.GetUtcNow());
                reporter.Finished(refused);
                return refused;
            }
        }

        try
        {
            return await SweepAsync(request, context, new(planner, candidates), execution, completion, sharing, safetyGate, reporter, summary, now);
        }
        finally
        {
            if (leaseGate is not null && lease is not null)
            {
                await leaseGate.ReleaseAsync(lease, context);
            }
        }
    }

    /// <summary>Named image ids the inventory (this account's images, Owners=self) does not hold: said, not dropped
    /// silently. Only when the image inventory was read completely, else any id could merely be unread.</summary>
    private static void ReportUnmatched(SweepRequest request, InventorySnapshot inventory, RunSummaryBuilder summary, DecisionReporter reporter)
    {
        if (request.ImageIds is not { Count: > 0 } ids || !inventory.Sources.Any(s => s.Source == InventorySource.Images && s.IsComplete))
        {
            return;
        }

        var owned = inventory.Images.Select(i => i.ImageId).ToHashSet(StringComparer.Ordinal);
        var unmatched = ids.Where(id => !owned.Contains(id)).Order(StringComparer.Ordinal).ToList();
        foreach (var id in unmatched)
        {
            summary.AddUnmatched(id);
        }

        if (unmatched.Count > 0)
        {
            var shown = string.Join(", ", unmatched.Take(20)) + (unmatched.Count > 20 ? $" and {unmatched.Count - 20} more" : string.Empty);
            var warning = $"{unmatched.Count} requested image id(s) are not this account's images in {inventory.Region} (NotFound or NotOwned), nothing done to them: {shown}";
            summary.AddWarning(warning);
            reporter.Warn(warning);
        }
    }

    private async Task<RunSummary> SweepAsync(
        SweepRequest request,
        InvocationContext context,
        SweepPlanner planner,
        ExecutionOptions execution,
        ISweepCompletion? completion,
        SharingOptions? sharing,
        ISweepGate? gate,
        DecisionReporter reporter,
        RunSummaryBuilder summary,
        DateTimeOffset now)
    {
        var deadline = context.CancellationToken;
        // The account from ACCOUNT_ID or the function's ARN: ownership is checked against it, not guessed from images.
        var account = InvocationAccount.Resolve(_common.AccountId, context.InvokedFunctionArn);
        var selection = request.ToSelection();
        var inventory = await new Ec2InventoryReader(_services.Ec2, _services.Apis, _rateLimiters, context.Logger)
            .ReadAsync(_services.Region, _common.ToInventoryOptions() with { AccountId = account }, planner.CandidatesFor(selection, now), deadline);
        summary.ReferenceCoverage = SweepPlanner.Coverage(inventory);
        var plan = sharing is null
            ? planner.Plan(inventory, selection, now)
            : await new SharedImageStage(_services, _rateLimiters, _common.DisabledSources, sharing)
                .PlanAsync(inventory, selection, now, planner.Plan, request.DryRun, deadline);
        foreach (var failed in plan.Sources.Where(s => s.Status is SourceStatus.Failed or SourceStatus.Truncated))
        {
            reporter.SourceFailed(failed);
            summary.AddFailedSource(failed);
        }

        summary.SetPlan(plan);
        ReportUnmatched(request, inventory, summary, reporter);
        reporter.LogPlan(plan);

        var block = gate is null ? null : await gate.CheckAsync(plan, request, deadline);
        IReadOnlyList<ActionOutcome> outcomes = [];
        if (block is not null)
        {
            summary.Block(block.Reason);
            summary.AddError(block.Reason);
            reporter.Blocked(block, plan.Actions.Count());
        }
        else
        {
            outcomes = await new Ec2PlanExecutor(_services.Ec2, _services.Apis, _rateLimiters, _services.Time, context.Logger)
                .ExecuteAsync(
                    plan,
                    execution with { DryRun = request.DryRun, AccountId = execution.AccountId ?? account, LaunchTemplateVersionsSeen = inventory.LaunchTemplateVersionsRead },
                    deadline);
        }

        foreach (var outcome in outcomes)
        {
            summary.Record(outcome);
        }

        foreach (var decision in plan.Decisions)
        {
            reporter.Report(decision, summary.OutcomeFor(decision), block is not null);
        }

        completion?.Complete(outcomes, summary, reporter);
        if (block is null && deadline.IsCancellationRequested && (!inventory.IsComplete || plan.Sources.Any(s => s.Status is SourceStatus.Failed or SourceStatus.Truncated) || outcomes.Any(o => o.Status == OutcomeStatus.NotStarted)))
        {
            summary.StopEarly();
        }

        var result = summary.Build(_services.Time.GetUtcNow());
        reporter.Finished(result);
        return result;
    }
}
