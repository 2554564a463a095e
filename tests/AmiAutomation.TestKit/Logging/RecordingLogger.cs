using Microsoft.Extensions.Logging;

namespace AmiAutomation.TestKit.Logging;

/// <summary>An <see cref="ILogger"/> that keeps every entry with its template and named values.</summary>
public sealed class RecordingLogger : ILogger
{
    private readonly List<LogEntry> _entries = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
        var properties = values.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        lock (_gate)
        {
            _entries.Add(new LogEntry(logLevel, formatter(state, exception), properties));
        }
    }
}

public sealed record LogEntry(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties)
{
    public string? Template => Properties.TryGetValue("{OriginalFormat}", out var value) ? value as string : null;

    public object? this[string key] => Properties.TryGetValue(key, out var value) ? value : null;
}
