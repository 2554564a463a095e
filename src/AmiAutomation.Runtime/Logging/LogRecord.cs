using Microsoft.Extensions.Logging;

namespace AmiAutomation.Runtime.Logging;

/// <summary>One record, rendered but not yet laid out.</summary>
internal readonly record struct LogRecord(
    LogLevel Level,
    string Category,
    string Message,
    string Timestamp,
    IReadOnlyList<KeyValuePair<string, object?>>? Arguments,
    Exception? Exception);
