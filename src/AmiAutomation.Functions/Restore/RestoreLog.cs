using Microsoft.Extensions.Logging;

namespace AmiAutomation.Functions.Restore;

/// <summary>Source-generated log lines of the restore function (the per-step lines come from the restorer).</summary>
internal static partial class RestoreLog
{
    [LoggerMessage(EventId = 410, Level = LogLevel.Information,
        Message = "restore {Action} in {Region}: target={Target}, dryRun={DryRun}")]
    public static partial void Started(ILogger logger, string action, string region, string? target, bool dryRun);

    [LoggerMessage(EventId = 411, Level = LogLevel.Information,
        Message = "restore {ImageId} finished {Status}: snapshotsRestored={SnapshotsRestored}, imageRestored={ImageRestored}: {Message}")]
    public static partial void Finished(ILogger logger, string? imageId, string status, int snapshotsRestored, bool imageRestored, string message);

    [LoggerMessage(EventId = 412, Level = LogLevel.Information, Message = "restore list in {Region}: {Count} AMI(s) in the Recycle Bin")]
    public static partial void Listed(ILogger logger, string region, int count);

    [LoggerMessage(EventId = 413, Level = LogLevel.Error, Message = "restore of {Target} failed: {ErrorType}: {Error}")]
    public static partial void Failed(ILogger logger, string? target, string errorType, string error);
}
