using Microsoft.Extensions.Logging;

namespace AmiAutomation.Functions.Common;

/// <summary>Source-generated log messages of the run lease.</summary>
internal static partial class RunLeaseLog
{
    [LoggerMessage(EventId = 180, Level = LogLevel.Information, Message = "{Function} run {RunId} took the run lease of {Scope} until {ExpiresAt}")]
    public static partial void Taken(ILogger logger, string function, string runId, string scope, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 181, Level = LogLevel.Information, Message = "{Function} run {RunId} waits for the run lease of {Scope}: held by {Holder}")]
    public static partial void Waiting(ILogger logger, string function, string runId, string scope, string holder);

    [LoggerMessage(EventId = 182, Level = LogLevel.Error, Message = "{Function} run {RunId} is blocked: {Reason}")]
    public static partial void Blocked(ILogger logger, string function, string runId, string reason);

    [LoggerMessage(EventId = 183, Level = LogLevel.Information, Message = "{Function} run {RunId} released the run lease of {Scope}")]
    public static partial void Released(ILogger logger, string function, string runId, string scope);

    [LoggerMessage(EventId = 184, Level = LogLevel.Warning, Message = "{Function} run {RunId} could not release the run lease of {Scope} ({Problem}); it lapses by itself at {ExpiresAt}")]
    public static partial void NotReleased(ILogger logger, string function, string runId, string scope, string problem, DateTimeOffset expiresAt);
}
