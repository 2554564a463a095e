using Microsoft.Extensions.Logging;

namespace AmiAutomation.Functions.Common;

/// <summary>Source-generated log messages of the sweep functions: templates only, placeholders become JSON properties.</summary>
internal static partial class SweepLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "{Function} run {RunId} in {Region} from {Source}: dryRun={DryRun}, selective={Selective}")]
    public static partial void RunStarted(ILogger logger, string function, string runId, string region, string source, bool dryRun, bool selective);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information,
        Message = "{Function} planned {Actions} actions and {Skips} skips over {Images} images in {Region}")]
    public static partial void PlanSummary(ILogger logger, string function, int actions, int skips, int images, string region);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information,
        Message = "{Function} plan {ImageId} {Action} {Reason} {Family} {DeprecateAt} {Details}")]
    public static partial void PlannedDecision(ILogger logger, string function, string imageId, string action, string reason, string family, DateTimeOffset? deprecateAt, string details);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information,
        Message = "{Function} {ImageId} {Action} {Outcome} {Reason}")]
    public static partial void Decision(ILogger logger, string function, string imageId, string action, string outcome, string reason);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning,
        Message = "{Function} {ImageId} {Action} {Outcome} {Reason} {ErrorCode} {Detail}")]
    public static partial void DecisionFailed(ILogger logger, string function, string imageId, string action, string outcome, string reason, string? errorCode, string? detail);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning,
        Message = "{Function} {ImageId} snapshot {SnapshotId} ({SizeGiB} GiB) not deleted: {ReturnCode}")]
    public static partial void SnapshotNotDeleted(ILogger logger, string function, string imageId, string snapshotId, int sizeGiB, string returnCode);

    [LoggerMessage(EventId = 106, Level = LogLevel.Error,
        Message = "{Function} inventory source {Source} is {Status}: {Error}; destructive actions are blocked")]
    public static partial void SourceFailed(ILogger logger, string function, string source, string status, string? error);

    [LoggerMessage(EventId = 107, Level = LogLevel.Error,
        Message = "{Function} aborted every further destructive action: {AbortReason}")]
    public static partial void RunAborted(ILogger logger, string function, string abortReason);

    [LoggerMessage(EventId = 108, Level = LogLevel.Error, Message = "{Function} error: {Error}")]
    public static partial void RunError(ILogger logger, string function, string error);

    [LoggerMessage(EventId = 109, Level = LogLevel.Information,
        Message = "{Function} run {RunId} finished: completed={Completed}, stoppedEarly={StoppedEarly}, aborted={Aborted}, outcomes={Outcomes}")]
    public static partial void RunFinished(ILogger logger, string function, string runId, bool completed, bool stoppedEarly, bool aborted, string outcomes);

    [LoggerMessage(EventId = 110, Level = LogLevel.Error,
        Message = "{Function} run blocked ({Kind}); {Refused} planned actions not attempted: {Reason}")]
    public static partial void RunBlocked(ILogger logger, string function, string kind, int refused, string reason);

    [LoggerMessage(EventId = 111, Level = LogLevel.Error,
        Message = "{Function} Recycle Bin check: {Outcome} for {Resources} resource(s): {Reason}")]
    public static partial void RecycleBinMiss(ILogger logger, string function, string outcome, int resources, string reason);

    [LoggerMessage(EventId = 112, Level = LogLevel.Warning,
        Message = "{Function} Recycle Bin latch: {Latch}")]
    public static partial void Latch(ILogger logger, string function, string latch);

    [LoggerMessage(EventId = 113, Level = LogLevel.Warning,
        Message = "{Function} configuration: {Warning}")]
    public static partial void ConfigurationWarning(ILogger logger, string function, string warning);
}
