using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Regions;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Planning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AmiAutomation.Aws.Execution;

/// <summary>
/// Carries out a plan's Deprecate and Deregister decisions in one region, one outcome per acting decision, in plan
/// order. Never throws for one image's failure. Stops starting new work when the token fires (the rest NotStarted);
/// caps DeregisterImage calls per run; re-checks each image right before deregistering it; dry-run sends the real calls
/// with DryRun=true.
/// </summary>
/// <remarks>IAM: ec2:EnableImageDeprecation, ec2:DeregisterImage, ec2:DisableImage, ec2:DeleteSnapshot, ec2:DescribeImages,
/// ec2:DescribeImageAttribute, ec2:DescribeImageReferences, ec2:DescribeInstances, ec2:DescribeLaunchTemplates,
/// ec2:DescribeLaunchTemplateVersions, ec2:DescribeSpotInstanceRequests, ec2:DescribeSpotFleetRequests,
/// autoscaling:DescribeLaunchConfigurations.</remarks>
public sealed class Ec2PlanExecutor
{
    private readonly IEc2ClientFactory _clients;
    private readonly IRegionalApiClients _apis;
    private readonly Ec2RateLimiterRegistry _rateLimiters;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <param name="apis">Auto Scaling per region, for the re-check of launch configurations.</param>
    public Ec2PlanExecutor(IEc2ClientFactory clients, IRegionalApiClients apis, Ec2RateLimiterRegistry rateLimiters, TimeProvider time, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(apis);
        _apis = apis;
        ArgumentNullException.ThrowIfNull(rateLimiters);
        ArgumentNullException.ThrowIfNull(time);
        _clients = clients;
        _rateLimiters = rateLimiters;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <exception cref="InvalidRegionException">The plan's region is not a region name.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    public async Task<IReadOnlyList<ActionOutcome>> ExecuteAsync(Plan plan, ExecutionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid execution options: " + string.Join(" ", problems), nameof(options));
        }

        RegionName.Validate(plan.Region);
        var client = _clients.ForRegion(plan.Region);
        var limiter = _rateLimiters.ForRegion(plan.Region);
        var run = new ExecutionRun(plan, options, client, limiter, new ImageRechecker(plan.Region, client, new Lazy<AutoScaling.IAutoScalingClient>(() => _apis.AutoScaling(plan.Region)), limiter, _time), _logger, _time);
        var outcomes = new List<ActionOutcome>();
        foreach (var decision in plan.Decisions.Where(d => d.Acts))
        {
            var outcome = await ExecuteOneAsync(run, decision, cancellationToken);
            outcomes.Add(outcome);
            _logger.LogInformation(
                "{Action} {ImageId} in {Region}: {Status} {ErrorCode} {Detail}",
                decision.Action,
                decision.Image.ImageId,
                plan.Region,
                outcome.Status,
                outcome.ErrorCode,
                outcome.Detail);
        }

        _logger.LogInformation(
            "Executed {Function} plan in {Region} (dry run {DryRun}): {Succeeded} succeeded, {DryRunCount} dry-run, {Failed} failed, {Skipped} skipped on re-check, {NotStarted} not started",
            plan.Function,
            plan.Region,
            options.DryRun,
            outcomes.Count(o => o.Status == OutcomeStatus.Succeeded),
            outcomes.Count(o => o.Status == OutcomeStatus.DryRun),
            outcomes.Count(o => o.Status == OutcomeStatus.Failed),
            outcomes.Count(o => o.Status == OutcomeStatus.SkippedOnRecheck),
            outcomes.Count(o => o.Status == OutcomeStatus.NotStarted));
        return outcomes;
    }

    private static async Task<ActionOutcome> ExecuteOneAsync(ExecutionRun run, Decision decision, CancellationToken cancellationToken)
    {
        if (run.StopReason is { } stop)
        {
            return new ActionOutcome(decision, OutcomeStatus.NotStarted, Detail: $"run stopped: {stop}");
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return new ActionOutcome(decision, OutcomeStatus.NotStarted, Detail: "cancelled before it started (deadline approaching)");
        }

        if (!string.Equals(decision.Image.Region, run.Plan.Region, StringComparison.Ordinal))
        {
            return new ActionOutcome(
                decision,
                OutcomeStatus.Failed,
                ExecutionErrorCodes.RegionMismatch,
                $"image is in {decision.Image.Region} but the plan is for {run.Plan.Region}; nothing sent");
        }

        try
        {
            return decision.Action switch
            {
                DecisionAction.Deprecate => await DeprecationStep.RunAsync(run, decision, cancellationToken),
                DecisionAction.Deregister => await DeregistrationStep.RunAsync(run, decision, cancellationToken),
                DecisionAction.Disable => await DisableStep.RunAsync(run, decision, cancellationToken),
                _ => new ActionOutcome(
                    decision,
                    OutcomeStatus.Failed,
                    ExecutionErrorCodes.UnsupportedAction,
                    $"{nameof(Ec2PlanExecutor)} carries out Deprecate, Disable and Deregister only, not {decision.Action}"),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new ActionOutcome(decision, OutcomeStatus.NotStarted, Detail: "cancelled before the call was sent (deadline approaching)");
        }
#pragma warning disable CA1031 // One image's failure is an outcome, never a crash of the run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new ActionOutcome(decision, OutcomeStatus.Failed, ex.GetType().Name, $"{decision.Action} failed: {ex.Message}");
        }
    }
}
