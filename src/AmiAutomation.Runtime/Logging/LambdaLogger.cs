using System.Globalization;
using Microsoft.Extensions.Logging;

namespace AmiAutomation.Runtime.Logging;

/// <summary>An <see cref="ILogger"/> for one category: filters by level, renders the template, writes one line.</summary>
internal sealed class LambdaLogger(string category, LambdaLoggerProvider provider) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => NullScope.Instance;

    public bool IsEnabled(LogLevel logLevel)
        => logLevel != LogLevel.None && logLevel >= provider.Options.MinimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var message = formatter is null ? state?.ToString() ?? string.Empty : formatter(state, exception);
        var timestamp = provider.Time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var record = new LogRecord(
            logLevel, category, message, timestamp, state as IReadOnlyList<KeyValuePair<string, object?>>, exception);
        var line = provider.Options.Format == LambdaLogFormat.Text
            ? TextLogFormatter.Format(record, provider.Context)
            : JsonLogFormatter.Format(record, provider.Options, provider.Context);
        provider.Sink.WriteLine(line);
    }

    private sealed class NullScope : IDisposable
    {
        public static NullScope Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
