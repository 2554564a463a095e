using Microsoft.Extensions.Logging;

namespace AmiAutomation.Runtime.Logging;

/// <summary>
/// Lambda's level names. Records carry <c>TRACE DEBUG INFO WARN ERROR FATAL</c> (not .NET's <c>Information</c>,
/// <c>Warning</c>): Lambda's own level filter for JSON logs knows only these and would treat anything else as INFO.
/// </summary>
public static class LogLevelNames
{
    /// <summary>Reads a level name, case-insensitively: TRACE, DEBUG, INFO, WARN/WARNING, ERROR, FATAL/CRITICAL,
    /// plus .NET's INFORMATION and NONE.</summary>
    public static bool TryParse(string? value, out LogLevel level)
    {
        level = value?.Trim().ToUpperInvariant() switch
        {
            "TRACE" => LogLevel.Trace,
            "DEBUG" => LogLevel.Debug,
            "INFO" or "INFORMATION" => LogLevel.Information,
            "WARN" or "WARNING" => LogLevel.Warning,
            "ERROR" => LogLevel.Error,
            "FATAL" or "CRITICAL" => LogLevel.Critical,
            "NONE" => LogLevel.None,
            _ => (LogLevel)(-1),
        };
        return level >= LogLevel.Trace;
    }

    /// <summary>The name written in the <c>level</c> key and the Text layout.</summary>
    public static string Format(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "FATAL",
        _ => "INFO",
    };
}
