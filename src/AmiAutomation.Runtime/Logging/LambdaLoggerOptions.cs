using Microsoft.Extensions.Logging;

namespace AmiAutomation.Runtime.Logging;

/// <summary>How <see cref="LambdaLoggerProvider"/> writes: level filter, layout, the static Powertools keys, the writer.</summary>
public sealed record LambdaLoggerOptions
{
    /// <summary>Records below this level are dropped in-process. Default Information.</summary>
    public LogLevel MinimumLevel { get; init; } = LogLevel.Information;

    public LambdaLogFormat Format { get; init; } = LambdaLogFormat.Json;

    /// <summary>The <c>service</c> key.</summary>
    public string Service { get; init; } = "service_undefined";

    public string? FunctionName { get; init; }
    public string? FunctionVersion { get; init; }
    public int? FunctionMemorySizeMb { get; init; }

    /// <summary>Where lines go; default <see cref="Console.Out"/>. Tests pass a <see cref="StringWriter"/>.</summary>
    public TextWriter? Output { get; init; }
}
