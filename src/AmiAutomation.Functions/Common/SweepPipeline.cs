using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Functions.Composition;
using AmiAutomation.Runtime.Hosting;

namespace AmiAutomation.Functions.Common;

/// <summary>
/// One sweep in the stack's region: read the inventory (fail closed) → plan (pure, with the run's start as "now") →
/// log the plan → execute through <see cref="Ec2PlanExecutor"/> (dry-run honoured, deadline = the invocation's token)
/// → report every decision → <see cref="RunSummary"/>. Shared by deprecate and expire; the planner is the difference.
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
        ISweepCompletion? completion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(execution);
        var deadline = context.CancellationToken;
        var now = _services.Time.GetUtcNow();
        var reporter = new DecisionReporter(_function, context.Logger, context.Metrics);
        var summary = new RunSummaryBuilder(_function, _services.Region, context.RequestId, request, now);
        reporter.RunStarted(context.RequestId, _services.Region, request);

        // The account from ACCOUNT_ID or the function's ARN: ownership is checked against it, not guessed from images.
        var account = InvocationAccount.Resolve(_common.AccountId, context.InvokedFunctionArn);
        var inventory = await new Ec2InventoryReader(_services.Ec2, _rateLimiters, context.Logger)
            .ReadAsync(_services.Region, _common.ToInventoryOptions() with { AccountId = account }, deadline).ConfigureAwait(false);
        foreach (var failed in inventory.FailedSources)
        {
            reporter.SourceFailed(failed);
            summary.AddFailedSource(failed);
        }

        var plan = planner(inventory, request.ToSelection(), now);
        summary.SetPlan(plan);
        reporter.LogPlan(plan);

        var outcomes = await new Ec2PlanExecutor(_services.Ec2, _rateLimiters, _services.Time, context.Logger)
            .ExecuteAsync(plan, execution with { DryRun = request.DryRun, AccountId = execution.AccountId ?? account }, deadline).ConfigureAwait(false);
        foreach (var outcome in outcomes)
        {
            summary.Record(outcome);
        }

        foreach (var decision in plan.Decisions)
        {
            reporter.Report(decision, summary.OutcomeFor(decision));
        }

        completion?.Complete(outcomes, summary, reporter);
        if (deadline.IsCancellationRequested && (!inventory.IsComplete || outcomes.Any(o => o.Status == OutcomeStatus.NotStarted)))
        {
            summary.StopEarly();
        }

        var result = summary.Build(_services.Time.GetUtcNow());
        reporter.Finished(result);
        return result;
    }
}
