using AmiAutomation.Aws.Errors;
using AmiAutomation.Core.Deprecation;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Restore;
using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Aws.RecycleBin;

/// <summary>The step runners of <see cref="RecycleBinRestorer"/>: each returns false when the call must stop here.</summary>
public sealed partial class RecycleBinRestorer
{
    private async Task<bool> RestoreSnapshotsAsync(RecoveryPlan plan, RestoreRun run, CancellationToken cancellationToken)
    {
        var detail = run.DryRun ? "would be restored from the Recycle Bin" : "restored from the Recycle Bin";
        for (var i = 0; i < plan.SnapshotsToRestore.Count; i++)
        {
            var snapshotId = plan.SnapshotsToRestore[i];
            if (cancellationToken.IsCancellationRequested)
            {
                return StopBeforeImage(run, plan.SnapshotsToRestore.Skip(i), "the invocation's deadline came first");
            }

            run.Record(RestoreStepKind.RestoreSnapshot, snapshotId,
                await _bin.RestoreSnapshotAsync(snapshotId, run.DryRun, cancellationToken), detail);
            if (run.HasFailure)
            {
                return false;
            }

            if (run.Stopped)
            {
                return StopBeforeImage(run, plan.SnapshotsToRestore.Skip(i + 1), "EC2 throttled the previous call");
            }
        }

        if (run.DryRun || plan.SnapshotsToAwait.Count == 0)
        {
            return true;
        }

        var waited = await _waiter.WaitAsync(plan.SnapshotsToAwait, cancellationToken);
        var target = string.Join(",", plan.SnapshotsToAwait);
        if (waited.Failed.Count > 0)
        {
            run.Add(new RestoreStep(RestoreStepKind.AwaitSnapshots, target, OutcomeStatus.Failed,
                $"snapshot(s) {string.Join(", ", waited.Failed)} went to state error while restoring", "SnapshotError"));
            return false;
        }

        if (!waited.AllCompleted)
        {
            run.NotStarted(RestoreStepKind.AwaitSnapshots, target,
                $"{waited.StillRestoring.Count} of {plan.SnapshotsToAwait.Count} snapshot(s) still restoring at the deadline: {string.Join(", ", waited.StillRestoring)}");
            run.NotStarted(RestoreStepKind.RestoreImage, run.ImageId, "waits for the snapshots");
            run.Note("Partial: the snapshots are on their way back; call again to resume.");
            return false;
        }

        run.Add(new RestoreStep(RestoreStepKind.AwaitSnapshots, target, OutcomeStatus.Succeeded, $"completed ({waited.Polls} poll(s))"));
        return true;
    }

    private async Task<bool> RestoreImageAsync(RestoreCandidate candidate, RecoveryPlan plan, RestoreRun run, CancellationToken cancellationToken)
    {
        if (run.DryRun && plan.SnapshotsToAwait.Count > 0)
        {
            // EC2 refuses the image restore while a snapshot is binned, so a DryRun call now would only report that.
            run.Add(new RestoreStep(RestoreStepKind.RestoreImage, candidate.ImageId, OutcomeStatus.DryRun,
                "would be restored once its snapshots are completed (EC2 checks this call only after they are back)"));
            return true;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            run.NotStarted(RestoreStepKind.RestoreImage, candidate.ImageId, "the invocation's deadline came first");
            run.Note("Partial: the snapshots are back; call again to restore the image.");
            return false;
        }

        var outcome = await _bin.RestoreImageAsync(candidate.ImageId, run.DryRun, cancellationToken);
        // EC2 does not document the code for "not in the Recycle Bin" (docs/simulator-behaviours.md): whatever the code,
        // an image that is registered again was restored by another call.
        if (outcome.IsFailure
            && (await _lookup.DescribeImagesAsync([candidate.ImageId], cancellationToken)).Count > 0)
        {
            run.Record(RestoreStepKind.RestoreImage, candidate.ImageId, Ec2CallOutcome.Succeeded, "already out of the Recycle Bin (restored by another call)");
            return true;
        }

        run.Record(RestoreStepKind.RestoreImage, candidate.ImageId, outcome, run.DryRun ? "would be restored from the Recycle Bin" : "restored from the Recycle Bin");
        run.ImageRestored = outcome.Status == OutcomeStatus.Succeeded;
        if (run.Stopped)
        {
            run.Note("Partial: the snapshots are back; call again to restore the image.");
        }

        return !run.HasFailure && !run.Stopped;
    }

    private async Task ReapplyAsync(LedgerRecord? ledger, AmiImage? current, RestoreRun run, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var plan = RestorePlanner.PlanReapply(ledger, current, _options.Policy, now);
        run.Notes(plan.Notes);
        var imageId = run.ImageId;
        if (plan.Tags.Count > 0 && !run.Has(RestoreStepKind.ApplyTags, OutcomeStatus.Failed))
        {
            await StepAsync(run, RestoreStepKind.ApplyTags, imageId, DescribeTags(plan.Tags), ct => _writer.ApplyTagsAsync(imageId, plan.Tags, ct), cancellationToken);
        }

        if (plan.TagsToRemove.Count > 0)
        {
            await StepAsync(run, RestoreStepKind.RemoveTags, imageId, "remove " + string.Join(", ", plan.TagsToRemove),
                ct => _writer.RemoveTagsAsync(imageId, plan.TagsToRemove, ct), cancellationToken);
        }

        if (plan.LaunchPermissionsToAdd.Count > 0)
        {
            var who = string.Join(", ", plan.LaunchPermissionsToAdd.Select(p => $"{p.Kind} {p.Value}"));
            await StepAsync(run, RestoreStepKind.AddLaunchPermissions, imageId, "add " + who,
                ct => _writer.AddLaunchPermissionsAsync(imageId, plan.LaunchPermissionsToAdd, ct), cancellationToken);
        }

        if (plan.RemovePublicAccess)
        {
            await StepAsync(run, RestoreStepKind.RemovePublicAccess, imageId, "remove group all",
                ct => _writer.RemovePublicAccessAsync(imageId, ct), cancellationToken);
        }

        if (plan.Deprecation is { Kind: DeprecationChangeKind.Set, At: { } planned })
        {
            // EC2 refuses a time already past by its clock when the call arrives (the steps above take time too).
            var earliest = DeprecationLimits.Earliest(_time.GetUtcNow());
            var at = planned < earliest ? earliest : planned;
            await StepAsync(run, RestoreStepKind.SetDeprecation, imageId, "deprecate at " + TagTime.Format(at),
                ct => _writer.SetDeprecationAsync(imageId, at, ct), cancellationToken);
        }
        else if (plan.Deprecation.Kind == DeprecationChangeKind.Clear)
        {
            await StepAsync(run, RestoreStepKind.ClearDeprecation, imageId, "deprecation cleared",
                ct => _writer.ClearDeprecationAsync(imageId, ct), cancellationToken);
        }

        if (plan.MarkLedgerRestored)
        {
            await MarkLedgerAsync(run, now, cancellationToken);
        }
    }

    private static async Task StepAsync(
        RestoreRun run, RestoreStepKind kind, string target, string detail, Func<CancellationToken, Task<Ec2CallOutcome>> call, CancellationToken cancellationToken)
    {
        if (run.DryRun)
        {
            run.Add(new RestoreStep(kind, target, OutcomeStatus.DryRun, "would: " + detail));
        }
        else if (cancellationToken.IsCancellationRequested || run.Stopped)
        {
            run.NotStarted(kind, target, run.Stopped ? "an earlier step did not finish" : "the invocation's deadline came first");
        }
        else
        {
            run.Record(kind, target, await call(cancellationToken), detail);
        }
    }

    private async Task MarkLedgerAsync(RestoreRun run, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string target = "ledger";
        if (run.DryRun)
        {
            run.Add(new RestoreStep(RestoreStepKind.MarkLedgerRestored, target, OutcomeStatus.DryRun, "would mark the record Restored"));
            return;
        }

        if (run.Stopped || run.HasFailure || cancellationToken.IsCancellationRequested)
        {
            run.NotStarted(RestoreStepKind.MarkLedgerRestored, target, "left for the next call: an earlier step did not finish");
            return;
        }

        try
        {
            await _ledger.UpdateStatusAsync(_options.Region, run.ImageId, LedgerStatus.Restored, now, cancellationToken);
            run.Add(new RestoreStep(RestoreStepKind.MarkLedgerRestored, target, OutcomeStatus.Succeeded, "record marked Restored"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            run.Add(new RestoreStep(RestoreStepKind.MarkLedgerRestored, target, OutcomeStatus.Failed, $"ledger update failed: {ex.Message}", "LedgerWriteFailed"));
        }
    }

    private static bool StopBeforeImage(RestoreRun run, IEnumerable<string> snapshotIds, string reason)
    {
        foreach (var snapshotId in snapshotIds)
        {
            run.NotStarted(RestoreStepKind.RestoreSnapshot, snapshotId, reason);
        }

        run.NotStarted(RestoreStepKind.RestoreImage, run.ImageId, "waits for the snapshots");
        run.Note("Partial: call again to resume.");
        return false;
    }

    private static string DescribeTags(IReadOnlyDictionary<string, string> tags) =>
        $"set {tags.Count} tag(s): " + string.Join(", ", tags.Keys.Order(StringComparer.Ordinal));
}
