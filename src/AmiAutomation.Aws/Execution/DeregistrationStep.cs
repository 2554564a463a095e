using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Execution;

/// <summary>
/// One deregistration: cap → re-check → guard (before) → family re-count → DeregisterImage(DeleteAssociatedSnapshots)
/// → guard (after). The family re-count is the last read before the call, so another run that removed a family member
/// while this one waited (in the guard, on the rate limiter) is seen.
/// </summary>
/// <remarks>ec2:DeregisterImage, ec2:DeleteSnapshot (for DeleteAssociatedSnapshots), plus the re-check's describes.</remarks>
internal static class DeregistrationStep
{
    public static async Task<ActionOutcome> RunAsync(ExecutionRun run, Decision decision, CancellationToken cancellationToken)
    {
        var (checkedNow, ended) = await DestructiveStepGate.CapAndRecheckAsync(run, decision, "not deregistered", cancellationToken);
        if (checkedNow is not { } current)
        {
            return ended!;
        }

        await run.Limiter.AcquireAsync("DeregisterImage", Ec2ActionClass.Deregister, cancellationToken);
        var context = new DeregistrationContext(run.Plan, decision, current, run.Deregistered);
        if (!run.Options.DryRun && await DestructiveStepGate.AskGuardAsync(
                run, decision, ct => run.Options.Guard.BeforeDeregisterAsync(context, ct), "before-deregistration", "not deregistered",
                cancellationToken) is { } blocked)
        {
            return blocked;
        }

        if (run.Options.FamilyRecount is { } rule)
        {
            var family = await run.FamilyRechecker.CheckAsync(decision, current, rule, run.Options.AccountId ?? decision.Image.OwnerId, cancellationToken);
            if (family is not null)
            {
                return family.Skipped
                    ? new ActionOutcome(decision, OutcomeStatus.SkippedOnRecheck, Detail: family.Detail)
                    : new ActionOutcome(decision, OutcomeStatus.Failed, family.ErrorCode, family.Detail);
            }
        }

        run.DestructiveCalls++;
        var outcome = await CallAsync(run, decision, current);
        if (outcome.ErrorCode == Ec2ErrorCodes.ImageUnavailable)
        {
            outcome = await ResolveUnavailableAsync(run, outcome, current, cancellationToken);
        }

        if (!run.Options.DryRun && outcome.Status == OutcomeStatus.Succeeded && outcome.Snapshots.Count == 0 && current.Snapshots.Count > 0
            && !IsAlreadyDeregistered(outcome))
        {
            outcome = await VerifyUnreportedSnapshotsAsync(run, outcome, current, cancellationToken);
        }

        if (!run.Options.DryRun && outcome.Status == OutcomeStatus.Succeeded)
        {
            run.Deregistered++;
            await AfterAsync(run, context, outcome, cancellationToken);
        }

        return outcome;
    }

    private static async Task AfterAsync(ExecutionRun run, DeregistrationContext context, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            var verdict = await run.Options.Guard.AfterDeregisterAsync(context, outcome, cancellationToken);
            if (verdict.Kind == GuardVerdictKind.Stop)
            {
                run.StopReason = verdict.Reason;
            }
        }
#pragma warning disable CA1031 // A failing after-check stops the run (fail closed); the deregistration itself stays recorded.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            run.StopReason = $"after-deregistration hook failed for {context.ImageId} ({ex.GetType().Name}: {ex.Message})";
        }
    }

    private static async Task<ActionOutcome> CallAsync(ExecutionRun run, Decision decision, AmiImage current)
    {
        try
        {
            // Not cancelled once sent: the outcome of a torn DeregisterImage would be unknown.
            var response = await run.Client.DeregisterImageAsync(
                new DeregisterImageRequest
                {
                    ImageId = current.ImageId,
                    DeleteAssociatedSnapshots = true,
                    DryRun = run.Options.DryRun ? true : null,
                },
                CancellationToken.None);
            if (response?.Return == false)
            {
                return new ActionOutcome(decision, OutcomeStatus.Failed, ExecutionErrorCodes.ReturnFalse, "DeregisterImage returned false");
            }

            var snapshots = SnapshotOutcomes.FromResults(response?.DeleteSnapshotResults, current);
            return new ActionOutcome(decision, OutcomeStatus.Succeeded, Detail: DescribeDeregistered(snapshots)) { Snapshots = snapshots };
        }
        catch (AmazonServiceException ex) when (Ec2ErrorCodes.Is(ex, Ec2ErrorCodes.DryRunOperation))
        {
            var snapshots = SnapshotOutcomes.WouldDelete(current);
            return new ActionOutcome(decision, OutcomeStatus.DryRun, Detail: $"would have been allowed: deregister with {snapshots.Count} snapshot(s)")
            {
                Snapshots = snapshots,
            };
        }
        catch (AmazonServiceException ex) when (ex.ErrorCode is not null && Ec2ErrorCodes.AlreadyDeregistered.Contains(ex.ErrorCode))
        {
            return new ActionOutcome(decision, OutcomeStatus.Succeeded, Detail: $"{AlreadyDeregisteredDetail} ({ex.ErrorCode}); nothing to do");
        }
        catch (AmazonServiceException ex)
        {
            return new ActionOutcome(decision, OutcomeStatus.Failed, Ec2ErrorCodes.CodeOf(ex), "DeregisterImage failed: " + Ec2ErrorCodes.Describe(ex));
        }
    }

    /// <summary>
    /// DeregisterImage answered InvalidAMIID.Unavailable, which EC2 gives both for an image deregistered already and for
    /// one that exists but is not available right now: read the image again. Gone (not listed, or listed as
    /// <c>deregistered</c>, which DescribeImages shows for a short while) → someone deregistered it first; still there, or
    /// the read failed → the action failed (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html,
    /// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeImages.html).
    /// </summary>
    private static async Task<ActionOutcome> ResolveUnavailableAsync(ExecutionRun run, ActionOutcome failed, AmiImage current, CancellationToken cancellationToken)
    {
        try
        {
            // The re-check's own read: null when EC2 no longer lists the image (or answers NotFound/Unavailable).
            var now = await run.Rechecker.ReadImageAsync(current.ImageId, cancellationToken);
            if (now is not null && now.State != ImageState.Deregistered)
            {
                return failed with { Detail = failed.Detail + $"; the image is still there ({now.State.ToString().ToLowerInvariant()})" };
            }
        }
        catch (Exception ex) when (ex is AmazonServiceException || (ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return failed with { Detail = failed.Detail + $"; reading the image again failed ({(ex is AmazonServiceException service ? Ec2ErrorCodes.Describe(service) : "cancelled")})" };
        }

        return new ActionOutcome(failed.Decision, OutcomeStatus.Succeeded,
            Detail: $"{AlreadyDeregisteredDetail} ({Ec2ErrorCodes.ImageUnavailable}, and no longer listed); nothing to do");
    }

    /// <summary>Start of the detail of an image someone else deregistered first: its snapshots were not ours to delete.</summary>
    private const string AlreadyDeregisteredDetail = "already deregistered";

    private static bool IsAlreadyDeregistered(ActionOutcome outcome) =>
        outcome.Detail?.StartsWith(AlreadyDeregisteredDetail, StringComparison.Ordinal) == true;

    /// <summary>
    /// DeregisterImage returned no snapshot results (moto ignores DeleteAssociatedSnapshots): look the snapshots up, so
    /// each one still there is reported as not deleted instead of vanishing from the totals. The image is gone by now:
    /// whatever stops the lookup (an EC2 error, the deadline, an HTTP timeout, a cut-off listing) leaves the snapshots
    /// unverified and the deregistration Succeeded, so the after-deregistration guard still records and verifies it.
    /// </summary>
    private static async Task<ActionOutcome> VerifyUnreportedSnapshotsAsync(ExecutionRun run, ActionOutcome outcome, AmiImage current, CancellationToken cancellationToken)
    {
        var ids = current.Snapshots.Select(s => s.SnapshotId).Distinct(StringComparer.Ordinal).ToList();
        IReadOnlyList<SnapshotOutcome> snapshots;
        try
        {
            await run.Limiter.AcquireAsync("DescribeSnapshots", Ec2ActionClass.Describe, cancellationToken);
            var existing = await SnapshotReader.ReadAsync(run.Client, ids, cancellationToken);
            snapshots = [.. current.Snapshots.DistinctBy(s => s.SnapshotId, StringComparer.Ordinal).Select(s => new SnapshotOutcome(
                s.SnapshotId, s.SizeGiB, existing.ContainsKey(s.SnapshotId) ? SnapshotOutcome.UnreportedStillExists : SnapshotOutcome.UnreportedGone))];
        }
#pragma warning disable CA1031 // The deregistration happened: a lookup that cannot finish must not turn it into a failure.
        catch (Exception)
#pragma warning restore CA1031
        {
            snapshots = [.. current.Snapshots.DistinctBy(s => s.SnapshotId, StringComparer.Ordinal)
                .Select(s => new SnapshotOutcome(s.SnapshotId, s.SizeGiB, SnapshotOutcome.UnreportedUnverified))];
        }

        return outcome with { Snapshots = snapshots, Detail = "EC2 reported no snapshot results; checked: " + DescribeDeregistered(snapshots) };
    }

    private static string DescribeDeregistered(IReadOnlyList<SnapshotOutcome> snapshots)
    {
        if (snapshots.Count == 0)
        {
            return "deregistered; EC2 reported no snapshot results";
        }

        var kept = snapshots.Where(s => !s.Deleted).ToList();
        return kept.Count == 0
            ? $"deregistered; {snapshots.Count} snapshot(s) deleted ({snapshots.Sum(s => (long)s.SizeGiB)} GiB)"
            : $"deregistered; {kept.Count} of {snapshots.Count} snapshot(s) not deleted: {string.Join(", ", kept.Select(s => $"{s.SnapshotId} {s.ReturnCode}"))}";
    }
}
