using Microsoft.Extensions.Logging;

namespace AmiAutomation.Functions.Copy;

/// <summary>Source-generated log messages of the copy function: templates only, placeholders become JSON properties.</summary>
internal static partial class CopyLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information,
        Message = "copy run {RunId} in {Region}: kind={Kind}, trigger={Trigger}, image={ImageId}, dryRun={DryRun}")]
    public static partial void RunStarted(ILogger logger, string runId, string region, string kind, string trigger, string? imageId, bool dryRun);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information,
        Message = "copy plan {ImageId} {Action} {TargetRegion} {Reason} {Details}")]
    public static partial void Planned(ILogger logger, string imageId, string action, string? targetRegion, string reason, string details);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information,
        Message = "copy {ImageId} {Action} {TargetRegion} {Outcome} {Reason} {NewImageId} {Detail}")]
    public static partial void Decided(ILogger logger, string imageId, string action, string? targetRegion, string outcome, string reason, string? newImageId, string? detail);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning,
        Message = "copy {ImageId} {Action} {TargetRegion} {Outcome} {Reason} {ErrorCode} {Detail}")]
    public static partial void DecisionFailed(ILogger logger, string imageId, string action, string? targetRegion, string outcome, string reason, string? errorCode, string? detail);

    [LoggerMessage(EventId = 304, Level = LogLevel.Warning,
        Message = "copy {CopyImageId} in {Region} of {SourceImageId} is stuck pending since {PendingSince} ({PendingMinutes} min)")]
    public static partial void Stuck(ILogger logger, string copyImageId, string region, string? sourceImageId, DateTimeOffset pendingSince, int pendingMinutes);

    [LoggerMessage(EventId = 305, Level = LogLevel.Warning,
        Message = "copy {ImageId} names destinations that are not region names: {InvalidRegions}")]
    public static partial void InvalidTargets(ILogger logger, string imageId, string invalidRegions);

    [LoggerMessage(EventId = 306, Level = LogLevel.Error, Message = "copy error: {Error}")]
    public static partial void RunError(ILogger logger, string error);

    [LoggerMessage(EventId = 307, Level = LogLevel.Information, Message = "copy no-op for {ImageId}: {NoOpReason}")]
    public static partial void NoOp(ILogger logger, string? imageId, string noOpReason);

    [LoggerMessage(EventId = 308, Level = LogLevel.Information,
        Message = "copy run {RunId} finished: started={Started}, finished={Finished}, failed={Failed}, deferred={Deferred}, stuck={Stuck}, dryRun={DryRunActions}, notStarted={NotStarted}, stoppedEarly={StoppedEarly}")]
    public static partial void RunFinished(ILogger logger, string runId, int started, int finished, int failed, int deferred, int stuck, int dryRunActions, int notStarted, bool stoppedEarly);

    [LoggerMessage(EventId = 309, Level = LogLevel.Warning,
        Message = "copy {ImageId} {TargetRegion}: tags not copied (EC2 allows 50 per image): {Keys}")]
    public static partial void TagsNotCopied(ILogger logger, string imageId, string? targetRegion, string keys);

    [LoggerMessage(EventId = 310, Level = LogLevel.Warning, Message = "copy warning: {Warning}")]
    public static partial void Warning(ILogger logger, string warning);
}
