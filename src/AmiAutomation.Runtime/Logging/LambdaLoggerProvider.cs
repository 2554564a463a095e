using Microsoft.Extensions.Logging;

namespace AmiAutomation.Runtime.Logging;

/// <summary>
/// Structured logs for Lambda without Powertools: one record per line on stdout (or <see cref="LambdaLoggerOptions.Output"/>),
/// JSON with Powertools keys or Lambda's Text layout, filtered in-process by level. AOT-safe: JSON is written with
/// <see cref="System.Text.Json.Utf8JsonWriter"/>, no reflection. Scopes are accepted and ignored.
/// </summary>
public sealed class LambdaLoggerProvider : ILoggerProvider
{
    public LambdaLoggerProvider(LambdaLoggerOptions options, TimeProvider time)
        : this(options, time, new OutputSink(options?.Output ?? Console.Out))
    {
    }

    internal LambdaLoggerProvider(LambdaLoggerOptions options, TimeProvider time, OutputSink sink)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        Options = options;
        Time = time;
        Sink = sink;
    }

    public LambdaLoggerOptions Options { get; }

    internal TimeProvider Time { get; }

    internal OutputSink Sink { get; }

    internal LambdaLogContext Context { get; } = new();

    public ILogger CreateLogger(string categoryName) => new LambdaLogger(categoryName, this);

    public void Dispose()
    {
    }
}
