using Microsoft.Extensions.Logging;

namespace AmiAutomation.Functions.Restore.OnDemand;

/// <summary>Source-generated log lines of self-healing. Every line names who needed the image.</summary>
internal static partial class OnDemandLog
{
    [LoggerMessage(EventId = 420, Level = LogLevel.Information,
        Message = "on-demand: event {EventId} ({Kind}) ignored: {Reason}")]
    public static partial void Ignored(ILogger logger, string eventId, string kind, string reason);

    [LoggerMessage(EventId = 421, Level = LogLevel.Warning,
        Message = "on-demand: {Operation} failed with {ErrorCode} for {NeededBy} (event {EventId}); could not resolve its image: {Problem}")]
    public static partial void Unresolved(ILogger logger, string operation, string? errorCode, string neededBy, string eventId, string problem);

    [LoggerMessage(EventId = 422, Level = LogLevel.Warning,
        Message = "on-demand: {ImageId} {Status} because {NeededBy} still needs it ({Operation} failed with {ErrorCode}, event {EventId}, dryRun={DryRun}): {Message}")]
    public static partial void Healed(ILogger logger, string imageId, string status, string neededBy, string operation, string? errorCode, string eventId, bool dryRun, string message);

    [LoggerMessage(EventId = 423, Level = LogLevel.Information,
        Message = "on-demand: nothing done for {ImageId} needed by {NeededBy} (event {EventId}): {Reason}")]
    public static partial void NothingDone(ILogger logger, string imageId, string neededBy, string eventId, string reason);

    [LoggerMessage(EventId = 424, Level = LogLevel.Error,
        Message = "on-demand: healing {ImageId} for {NeededBy} {Status} (event {EventId}): {Message}")]
    public static partial void Failed(ILogger logger, string imageId, string neededBy, string status, string eventId, string message);
}
