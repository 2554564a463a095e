using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Restore;
using AmiAutomation.Core.Tagging;
using Amazon.EC2;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;

namespace AmiAutomation.Aws.RecycleBin;

/// <summary>
/// Restores one AMI from the Recycle Bin: choose it, restore its snapshots, wait until they are <c>completed</c>,
/// restore the image, re-apply what the ledger recorded, hold it, mark the ledger. Every step first looks at what
/// is there now, so a second call after a partial one (deadline, throttling) finishes the job.
/// </summary>
/// <remarks>
/// Throws, before changing anything, <see cref="RestoreImageNotFoundException"/>, <see cref="RestoreImageNotOwnedException"/>,
/// <see cref="RestoreSnapshotMissingException"/> and <see cref="RestoreSnapshotFailedException"/>. Later problems are data:
/// the result is <see cref="RestoreStatus.Partial"/> (deadline, throttling) or <see cref="RestoreStatus.Failed"/>.
/// IAM: ec2:ListImagesInRecycleBin, ec2:ListSnapshotsInRecycleBin, ec2:DescribeImages, ec2:DescribeSnapshots,
/// ec2:RestoreSnapshotFromRecycleBin, ec2:RestoreImageFromRecycleBin, ec2:CreateTags, ec2:ModifyImageAttribute,
/// ec2:EnableImageDeprecation, ec2:DisableImageDeprecation; the ledger's read and status update.
/// </remarks>
public sealed partial class RecycleBinRestorer
{
    private readonly Ec2RecycleBin _bin;
    private readonly Ec2RestoreLookup _lookup;
    private readonly Ec2RestoredImageWriter _writer;
    private readonly SnapshotWaiter _waiter;
    private readonly RestoreCandidateFinder _finder;
    private readonly SnapshotSurvey _survey;
    private readonly IDeregistrationLedger _ledger;
    private readonly RestoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RecycleBinRestorer(
        IAmazonEC2 ec2, IDeregistrationLedger ledger, RestoreOptions options, TimeProvider time, ILogger logger, Ec2RateLimiter? limiter = null)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _bin = new Ec2RecycleBin(ec2, limiter);
        _lookup = new Ec2RestoreLookup(ec2, options.Region, limiter);
        _writer = new Ec2RestoredImageWriter(ec2, limiter);
        _waiter = new SnapshotWaiter(_lookup, time, options.PollInterval);
        _finder = new RestoreCandidateFinder(_bin, _lookup, ledger, options);
        _survey = new SnapshotSurvey(_bin, _lookup);
        _ledger = ledger;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Every AMI in the Recycle Bin with what the ledger knows, most recently deregistered first.</summary>
    /// <remarks>ec2:ListImagesInRecycleBin, ec2:ListSnapshotsInRecycleBin; the ledger's Query.</remarks>
    public async Task<IReadOnlyList<RecycleBinEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var images = await _bin.ListImagesAsync(null, cancellationToken);
        var records = await _ledger.ListAsync(_options.Region, cancellationToken);
        var snapshots = await _bin.ListSnapshotsAsync(null, cancellationToken);
        return RecycleBinCatalog.Build(images, records, snapshots, _options.Families);
    }

    /// <summary>Restores (or, with <paramref name="dryRun"/>, rehearses restoring) the image <paramref name="target"/> names.</summary>
    public async Task<RestoreResult> RestoreAsync(RestoreTarget target, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var run = new RestoreRun(_logger, dryRun) { ImageId = target.Kind == RestoreTargetKind.ImageId ? target.Value : string.Empty };
        try
        {
            return await RunAsync(target, run, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Note("The invocation's deadline came before the restore finished: partial; call again to resume.");
            return run.Finish(_options.Region, RestoreStatus.Partial);
        }
        catch (AmazonServiceException ex) when (RestoreCalls.IsTransient(ex))
        {
            run.Note($"EC2 stayed throttled ({Ec2ErrorCodes.CodeOf(ex)}) after retries: partial; call again to resume.");
            return run.Finish(_options.Region, RestoreStatus.Partial);
        }
    }

    private async Task<RestoreResult> RunAsync(RestoreTarget target, RestoreRun run, CancellationToken cancellationToken)
    {
        var selection = await _finder.FindAsync(target, cancellationToken);
        var candidate = selection.Chosen!;
        run.ImageId = candidate.ImageId;
        run.Candidate = candidate;
        RestoreLog.Chosen(_logger, candidate.ImageId, candidate.Name, target.ToString(), candidate.InRecycleBin, candidate.IsRegistered,
            candidate.Ledger?.Status.ToString() ?? "none");
        run.Notes(selection.Notes);
        CheckOwner(candidate);
        var now = _time.GetUtcNow();
        if (candidate.IsRegistered)
        {
            return await FinishRegisteredAsync(candidate, run, now, cancellationToken);
        }

        var (snapshots, source) = await _survey.SurveyAsync(candidate, cancellationToken);
        run.SnapshotSource = source;
        var plan = RestorePlanner.PlanRecovery(candidate, snapshots, source);
        run.Notes(plan.Notes);
        if (plan.MissingSnapshots.Count > 0)
        {
            throw new RestoreSnapshotMissingException(candidate.ImageId, plan.MissingSnapshots);
        }

        if (plan.FailedSnapshots.Count > 0)
        {
            throw new RestoreSnapshotFailedException(candidate.ImageId, plan.FailedSnapshots, "in state error; EC2 cannot restore an image from it.");
        }

        if (plan.SnapshotsReady.Count > 0)
        {
            run.Note($"{plan.SnapshotsReady.Count} snapshot(s) already out of the Recycle Bin and completed: {string.Join(", ", plan.SnapshotsReady)}.");
        }

        if (!await RestoreSnapshotsAsync(plan, run, cancellationToken)
            || !await RestoreImageAsync(candidate, plan, run, cancellationToken))
        {
            return run.Finish(_options.Region);
        }

        // The snapshot and image waits can take minutes: times EC2 checks against its clock (the re-deprecation) are
        // planned from the clock now, not from before the waits. The restore time itself resumes from the tag below.
        now = _time.GetUtcNow();
        if (run.DryRun)
        {
            await ReapplyAsync(candidate.Ledger, null, run, now, cancellationToken);
            return run.Finish(_options.Region);
        }

        // The hold first, from the ledger alone: if the call stops now, the image is already protected and marked.
        var holdTags = RestorePlanner.PlanReapply(candidate.Ledger, null, _options.Policy, now).Tags;
        run.Record(RestoreStepKind.ApplyTags, candidate.ImageId,
            await _writer.ApplyTagsAsync(candidate.ImageId, holdTags, cancellationToken), DescribeTags(holdTags));
        var current = (await _lookup.DescribeImagesAsync([candidate.ImageId], cancellationToken)).FirstOrDefault();
        await ReapplyAsync(candidate.Ledger, current, run, now, cancellationToken);
        return run.Finish(_options.Region);
    }

    private void CheckOwner(RestoreCandidate candidate)
    {
        if (candidate.Registered is { OwnerId.Length: > 0 } image
            && _options.AccountId is { } account
            && !string.Equals(image.OwnerId, account, StringComparison.Ordinal))
        {
            throw new RestoreImageNotOwnedException(candidate.ImageId, image.OwnerId, account);
        }
    }

    private async Task<RestoreResult> FinishRegisteredAsync(RestoreCandidate candidate, RestoreRun run, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var image = candidate.Registered!;
        var restoredTag = image.Tag(TagNames.RestoredAt);
        switch (candidate.Ledger)
        {
            case { Status: LedgerStatus.Restored } record:
                run.Note($"{image.ImageId} was restored already{At(record.RestoredAt)}; nothing to do.");
                return run.Finish(_options.Region, RestoreStatus.AlreadyRestored);
            case null when restoredTag is not null:
                run.Note($"{image.ImageId} was restored already ({TagNames.RestoredAt}={restoredTag}); nothing to do.");
                return run.Finish(_options.Region, RestoreStatus.AlreadyRestored);
            case null:
            case { Status: LedgerStatus.PendingDeregistration } record when !RestoredSince(restoredTag, record.RecordedAt):
                run.Note($"{image.ImageId} is registered ({image.State}) and not in the Recycle Bin: it was never deregistered, nothing to restore.");
                return run.Finish(_options.Region, RestoreStatus.AlreadyAvailable);
            default:
                run.Note($"{image.ImageId} is registered again but its ledger record is not marked restored: finishing an earlier, partial restore.");
                await ReapplyAsync(candidate.Ledger, image, run, now, cancellationToken);
                return run.Finish(_options.Region);
        }
    }

    /// <summary>A restore mark written after the record: an earlier call of this restore got the image back.</summary>
    private static bool RestoredSince(string? restoredTag, DateTimeOffset recordedAt) =>
        TagTime.TryParse(restoredTag, out var at) && at >= recordedAt;

    private static string At(DateTimeOffset? time) => time is { } at ? $" at {TagTime.Format(at)}" : string.Empty;
}
