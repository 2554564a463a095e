using Microsoft.Extensions.Logging;

namespace AmiAutomation.Aws.RecycleBin;

/// <summary>Source-generated log lines of a restore: one per step, placeholders become JSON properties.</summary>
internal static partial class RestoreLog
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Information,
        Message = "restore chose {ImageId} ({Name}) for {Target}: inRecycleBin={InRecycleBin}, registered={Registered}, ledger={LedgerStatus}")]
    public static partial void Chosen(ILogger logger, string imageId, string name, string target, bool inRecycleBin, bool registered, string ledgerStatus);

    [LoggerMessage(EventId = 401, Level = LogLevel.Information,
        Message = "restore {ImageId} {Step} {StepTarget} {Outcome} {Detail}")]
    public static partial void Step(ILogger logger, string imageId, string step, string stepTarget, string outcome, string? detail);

    [LoggerMessage(EventId = 402, Level = LogLevel.Warning,
        Message = "restore {ImageId} {Step} {StepTarget} {Outcome} {ErrorCode} {Detail}")]
    public static partial void StepFailed(ILogger logger, string imageId, string step, string stepTarget, string outcome, string? errorCode, string? detail);

    [LoggerMessage(EventId = 403, Level = LogLevel.Information, Message = "restore {ImageId} note: {Note}")]
    public static partial void Note(ILogger logger, string imageId, string note);
}
