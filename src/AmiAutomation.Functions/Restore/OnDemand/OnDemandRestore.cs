using AmiAutomation.Aws.Disabling;
using AmiAutomation.Aws.OnDemand;
using AmiAutomation.Aws.RecycleBin;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.OnDemand;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Composition;
using AmiAutomation.Runtime.Hosting;

namespace AmiAutomation.Functions.Restore.OnDemand;

/// <summary>
/// The restore function's event path (<c>AUTO_ENABLE_ON_DEMAND</c>): a launch failed because its image is disabled or
/// deregistered → find the image (resolving launch templates and Auto Scaling groups) → under the run lease, re-read
/// it and enable it (disabled by us) or restore it (binned, with our ledger record), held for RESTORE_HOLD_DAYS.
/// </summary>
/// <remarks>
/// Exactly once under duplicates (EventBridge delivers at least once, and one broken image fails every launch): the
/// run lease serialises concurrent events, and the decision is taken on the state re-read under it, so every event
/// after the first finds the image available and does nothing. IAM: the healer's, the resolver's, the enabler's and
/// the restorer's calls; the run lease.
/// </remarks>
internal sealed class OnDemandRestore(FunctionServices services, RestoreSettings settings, Ec2RateLimiterRegistry rateLimiters, RestoreOptions options)
{
    public const string Action = "on-demand";

    public async Task<RestoreOutput> HandleAsync(RestoreInput input, InvocationContext context)
    {
        var startedAt = services.Time.GetUtcNow();
        if (input.ImageId is not null || input.Name is not null || input.Family is not null || input.Action is not null || input.DryRun is not null || input.Enable is not null)
        {
            throw new Runtime.Functions.InvalidEventException(
                "The restore function rejected its input: the payload mixes an EventBridge event (detail-type, source, detail …) with imageId/name/family/enable/action/dryRun; send one or the other.");
        }

        var parsed = LaunchFailureParser.Parse(input, services.Region);
        if (parsed.Failure is not { } failure)
        {
            return Ignored(parsed.EventId, parsed.Kind, parsed.IgnoredReason!, context, startedAt);
        }

        if (!settings.AutoEnableOnDemand)
        {
            return Ignored(parsed.EventId, parsed.Kind, $"{RestoreSettings.AutoEnableOnDemandVariable} is off; a launch by {failure.NeededBy} failed with {failure.ErrorCode ?? "an image failure"} and nothing was done", context, startedAt);
        }

        if (options.AccountId is null)
        {
            throw new InvalidOperationException($"Self-healing needs this account's id to tell our images from others' and neither {CommonSettings.AccountIdVariable} nor the function ARN gives it; nothing was done.");
        }

        var dryRun = settings.Common.DryRun;
        var ec2 = services.Ec2.ForRegion(services.Region);
        var limiter = rateLimiters.ForRegion(services.Region);
        var resolver = new LaunchImageResolver(ec2, () => services.Apis.AutoScaling(services.Region), limiter);
        var resolution = await resolver.ResolveAsync(failure, context.CancellationToken);
        foreach (var problem in resolution.Problems)
        {
            OnDemandLog.Unresolved(context.Logger, failure.Operation, failure.ErrorCode, failure.NeededBy, failure.EventId, problem);
            context.Metrics.Add(OnDemandMetricNames.LaunchFailuresNotHealed, 1);
        }

        var outcomes = new List<OnDemandImageOutcome>();
        if (resolution.ImageIds.Count > 0)
        {
            outcomes = await HealAllAsync(resolution.ImageIds, failure, dryRun, context);
        }

        context.Metrics.Add(MetricNames.RunsCompleted, 1);
        var failed = outcomes.Any(o => o.Status is OnDemandImageOutcome.Failed);
        var output = new RestoreOutput
        {
            Function = RestoreFunction.FunctionName,
            Region = services.Region,
            RequestId = context.RequestId,
            Action = Action,
            DryRun = dryRun,
            StartedAt = startedAt,
            FinishedAt = services.Time.GetUtcNow(),
            Message = Headline(failure, outcomes, resolution),
            NeededBy = failure.NeededBy,
            EventId = failure.EventId,
            RunStatus = failed ? RunStatus.Failed : outcomes.Any(o => o.Status == OnDemandImageOutcome.Partial) ? RunStatus.Partial : RunStatus.Succeeded,
            Status = outcomes.Count == 0 ? "unresolved" : string.Join(",", outcomes.Select(o => o.Status).Distinct(StringComparer.Ordinal)),
            OnDemand = [.. outcomes.Select(o => new OnDemandImageLine(o.ImageId, o.Decision.Action.ToString(), o.Status, o.Decision.Reason, o.Message))],
            Notes = resolution.Problems.Count == 0 ? null : resolution.Problems,
        };
        return output;
    }

    private async Task<List<OnDemandImageOutcome>> HealAllAsync(IReadOnlyList<string> imageIds, LaunchFailure failure, bool dryRun, InvocationContext context)
    {
        RunLeaseGate? gate = null;
        RunLeaseHolder? lease = null;
        if (!dryRun)
        {
            gate = new RunLeaseGate(services.RunLease, RestoreFunction.FunctionName, services.Region, services.Time, settings.Common.RunLeaseWait);
            (lease, var blocked) = await gate.AcquireAsync(context);
            if (blocked is not null)
            {
                context.Metrics.Add(MetricNames.RunsBlocked, 1);
                throw new OnDemandBlockedException($"Self-healing of {string.Join(", ", imageIds)} for {failure.NeededBy} (event {failure.EventId}) was blocked: {blocked}. The event fails so that Lambda retries it.");
            }
        }

        try
        {
            var healer = CreateHealer(context);
            var outcomes = new List<OnDemandImageOutcome>();
            foreach (var imageId in imageIds)
            {
                var outcome = await healer.HealAsync(imageId, dryRun, context.CancellationToken);
                Report(outcome, failure, dryRun, context);
                outcomes.Add(outcome);
            }

            return outcomes;
        }
        finally
        {
            if (gate is not null && lease is not null)
            {
                await gate.ReleaseAsync(lease, context);
            }
        }
    }

    private OnDemandHealer CreateHealer(InvocationContext context)
    {
        var ec2 = services.Ec2.ForRegion(services.Region);
        var limiter = rateLimiters.ForRegion(services.Region);
        var enabler = new DisabledImageEnabler(
            ec2, services.Ledger, new EnableOptions { Region = services.Region, AccountId = options.AccountId, Policy = options.Policy }, services.Time, limiter);
        var restorer = new RecycleBinRestorer(ec2, services.Ledger, options, services.Time, context.Logger, limiter);
        return new OnDemandHealer(
            new Ec2RestoreLookup(ec2, services.Region, limiter), new Ec2RecycleBin(ec2, limiter), services.Ledger, enabler, restorer, services.Region, options.AccountId!);
    }

    private static void Report(OnDemandImageOutcome outcome, LaunchFailure failure, bool dryRun, InvocationContext context)
    {
        var metrics = context.Metrics;
        switch (outcome.Status)
        {
            case OnDemandImageOutcome.Enabled or OnDemandImageOutcome.Restored or OnDemandImageOutcome.DryRun:
                OnDemandLog.Healed(context.Logger, outcome.ImageId, outcome.Status, failure.NeededBy, failure.Operation, failure.ErrorCode, failure.EventId, dryRun, outcome.Message);
                if (outcome.Status == OnDemandImageOutcome.Enabled)
                {
                    metrics.Add(OnDemandMetricNames.ImagesEnabledOnDemand, 1);
                }
                else if (outcome.Status == OnDemandImageOutcome.Restored)
                {
                    metrics.Add(OnDemandMetricNames.ImagesRestoredOnDemand, 1);
                    metrics.Add(RestoreMetricNames.ImagesRestored, 1);
                    metrics.Add(RestoreMetricNames.SnapshotsRestored, outcome.Restore?.SnapshotsRestored ?? 0);
                }

                break;
            case OnDemandImageOutcome.NothingDone:
                OnDemandLog.NothingDone(context.Logger, outcome.ImageId, failure.NeededBy, failure.EventId, outcome.Decision.Reason);
                if (outcome.Decision.Action == OnDemandAction.None && !outcome.Decision.Reason.StartsWith("available already", StringComparison.Ordinal))
                {
                    metrics.Add(OnDemandMetricNames.LaunchFailuresNotHealed, 1);
                }

                break;
            default:
                OnDemandLog.Failed(context.Logger, outcome.ImageId, failure.NeededBy, outcome.Status, failure.EventId, outcome.Message);
                metrics.Add(RestoreMetricNames.RestoreFailures, 1);
                metrics.Add(MetricNames.ActionsFailed, 1);
                break;
        }
    }

    private RestoreOutput Ignored(string eventId, string kind, string reason, InvocationContext context, DateTimeOffset startedAt)
    {
        OnDemandLog.Ignored(context.Logger, eventId, kind, reason);
        context.Metrics.Add(OnDemandMetricNames.EventsIgnored, 1);
        context.Metrics.Add(MetricNames.RunsCompleted, 1);
        return new RestoreOutput
        {
            Function = RestoreFunction.FunctionName,
            Region = services.Region,
            RequestId = context.RequestId,
            Action = Action,
            DryRun = settings.Common.DryRun,
            StartedAt = startedAt,
            FinishedAt = services.Time.GetUtcNow(),
            Message = $"Event {eventId} ignored: {reason}.",
            EventId = eventId,
            Status = "ignored",
        };
    }

    private static string Headline(LaunchFailure failure, List<OnDemandImageOutcome> outcomes, LaunchImageResolution resolution)
    {
        if (outcomes.Count == 0)
        {
            return $"A launch by {failure.NeededBy} failed ({failure.ErrorCode ?? failure.Operation}), but its image could not be found: {string.Join("; ", resolution.Problems)}.";
        }

        var parts = outcomes.Select(o => $"{o.ImageId} {o.Status} ({(o.Healed || o.Status == OnDemandImageOutcome.DryRun ? o.Message : o.Decision.Reason)})");
        return $"A launch by {failure.NeededBy} failed ({failure.ErrorCode ?? failure.Operation}): {string.Join("; ", parts)}.";
    }
}
