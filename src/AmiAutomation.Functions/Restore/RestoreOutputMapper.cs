using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Restore;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;

namespace AmiAutomation.Functions.Restore;

/// <summary>Turns restore results and bin listings into <see cref="RestoreOutput"/>.</summary>
public static class RestoreOutputMapper
{
    public static string StatusName(RestoreStatus status) => status switch
    {
        RestoreStatus.Restored => "restored",
        RestoreStatus.AlreadyRestored => "already-restored",
        RestoreStatus.AlreadyAvailable => "already-available",
        RestoreStatus.Partial => "partial",
        RestoreStatus.DryRun => "dry-run",
        _ => "failed",
    };

    /// <summary>The shared run verdict of a restore result (a failed restore is also thrown as an error).</summary>
    public static string RunStatusOf(RestoreStatus status) => status switch
    {
        RestoreStatus.Partial => RunStatus.Partial,
        RestoreStatus.Failed => RunStatus.Failed,
        _ => RunStatus.Succeeded,
    };

    /// <summary>The one-line message of a restore result.</summary>
    public static string Headline(RestoreResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var what = string.IsNullOrEmpty(result.Name) ? result.ImageId : $"{result.ImageId} ({result.Name})";
        var hold = result.Steps.FirstOrDefault(s => s.Kind == RestoreStepKind.ApplyTags && s.Status == OutcomeStatus.Succeeded) is not null
            ? $"; held by {TagNames.KeepUntil}"
            : string.Empty;
        return result.Status switch
        {
            RestoreStatus.Restored => $"Restored {what}: {result.SnapshotsRestored} snapshot(s) restored, image {(result.ImageRestored ? "restored" : "was back already")}, recorded state re-applied{hold}.",
            RestoreStatus.AlreadyRestored => $"{what} was restored already; nothing changed.",
            RestoreStatus.AlreadyAvailable => $"{what} is registered and not in the Recycle Bin; nothing to restore.",
            RestoreStatus.Partial => $"Restoring {what} is partial; call again to resume.",
            RestoreStatus.DryRun => $"Dry run for {what}: nothing changed; the steps say what a live restore would do.",
            _ => $"Restoring {what} failed; see the failed step.",
        };
    }

    public static RestoreOutput ForRestore(RestoreResult result, RestoreTarget target, string requestId, DateTimeOffset startedAt, DateTimeOffset finishedAt)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(target);
        return new RestoreOutput
        {
            Function = RestoreFunction.FunctionName,
            Region = result.Region,
            RequestId = requestId,
            Action = RestoreInput.RestoreAction,
            DryRun = result.DryRun,
            StartedAt = startedAt,
            FinishedAt = finishedAt,
            Message = Headline(result),
            Target = target.ToString(),
            ImageId = string.IsNullOrEmpty(result.ImageId) ? null : result.ImageId,
            Name = result.Name,
            Family = result.Family,
            Status = StatusName(result.Status),
            RunStatus = RunStatusOf(result.Status),
            Partial = result.IsPartial,
            SnapshotSource = result.SnapshotSource?.ToString(),
            SnapshotsRestored = result.SnapshotsRestored,
            ImageRestored = result.ImageRestored,
            Steps = [.. result.Steps.Select(s => new RestoreStepLine
            {
                Step = s.Kind.ToString(),
                Target = s.Target,
                Outcome = OutcomeNames.For(s.Status),
                Detail = s.Detail,
                ErrorCode = s.ErrorCode,
            })],
            Notes = result.Notes,
        };
    }

    /// <summary>A live restore refused because another destructive run holds the run lease.</summary>
    public static RestoreOutput ForBlocked(RestoreTarget target, string region, string requestId, string reason, DateTimeOffset startedAt, DateTimeOffset finishedAt)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new RestoreOutput
        {
            Function = RestoreFunction.FunctionName,
            Region = region,
            RequestId = requestId,
            Action = RestoreInput.RestoreAction,
            DryRun = false,
            StartedAt = startedAt,
            FinishedAt = finishedAt,
            Message = $"Nothing was restored: {reason}. Call again once that run has finished.",
            Target = target.ToString(),
            RunStatus = RunStatus.Blocked,
            BlockedReason = reason,
        };
    }

    public static RestoreOutput ForList(
        IReadOnlyList<RecycleBinEntry> entries, string region, string requestId, bool dryRun, DateTimeOffset startedAt, DateTimeOffset finishedAt)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var withoutRecord = entries.Count(e => e.Ledger is null);
        return new RestoreOutput
        {
            Function = RestoreFunction.FunctionName,
            Region = region,
            RequestId = requestId,
            Action = RestoreInput.ListAction,
            DryRun = dryRun,
            StartedAt = startedAt,
            FinishedAt = finishedAt,
            Message = entries.Count == 0
                ? $"The Recycle Bin of {region} holds no AMI."
                : $"The Recycle Bin of {region} holds {entries.Count} AMI(s), {withoutRecord} without a ledger record; restore one with {{\"imageId\": \"ami-…\"}}, {{\"name\": \"…\"}} or {{\"family\": \"…\"}}.",
            Count = entries.Count,
            Images = [.. entries.Select(ToLine)],
        };
    }

    private static RecycleBinImageLine ToLine(RecycleBinEntry entry) => new()
    {
        ImageId = entry.Image.ImageId,
        Name = entry.Image.Name,
        Description = entry.Image.Description,
        EnteredAt = entry.Image.EnteredAt,
        ExitsAt = entry.Image.ExitsAt,
        Family = entry.Family,
        InLedger = entry.Ledger is not null,
        RecordedAt = entry.Ledger?.RecordedAt,
        RunId = entry.Ledger?.RunId,
        Reasons = entry.Ledger?.Reasons,
        LedgerStatus = entry.Ledger?.Status.ToString(),
        SnapshotSource = entry.SnapshotSource.ToString(),
        Snapshots = [.. entry.Snapshots.Select(s => new RecycleBinSnapshotLine(s.SnapshotId, s.SizeGiB, s.InRecycleBin))],
    };
}
