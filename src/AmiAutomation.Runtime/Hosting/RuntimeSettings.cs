using System.Globalization;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Logging;
using AmiAutomation.Runtime.Metrics;
using Microsoft.Extensions.Logging;
using Names = AmiAutomation.Runtime.Hosting.RuntimeEnvironmentVariableNames;

namespace AmiAutomation.Runtime.Hosting;

/// <summary>Everything the host reads from the environment, read once at start-up.</summary>
internal sealed record RuntimeSettings
{
    public const string DefaultMetricsNamespace = "AmiAutomation";

    public string? RuntimeApi { get; init; }
    public string? HandlerName { get; init; }
    public required string FunctionName { get; init; }
    public string? FunctionVersion { get; init; }
    public int? MemorySizeMb { get; init; }
    public bool RunOnce { get; init; }
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;
    public LambdaLogFormat LogFormat { get; init; } = LambdaLogFormat.Json;
    public required string ServiceName { get; init; }
    public string MetricsNamespace { get; init; } = DefaultMetricsNamespace;

    /// <summary>Odd but harmless values (an unknown log level, say): logged as warnings at start-up.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Values the host cannot run with: reported as <c>Runtime.InvalidConfiguration</c>.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    public static RuntimeSettings Read(IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var warnings = new List<string>();
        var errors = new List<string>();
        var handler = NonBlank(environment.Get(Names.HandlerOverride)) ?? NonBlank(environment.Get(Names.Handler));
        var functionName = NonBlank(environment.Get(Names.FunctionName)) ?? handler ?? "unknown-function";
        var metricsNamespace = NonBlank(environment.Get(Names.MetricsNamespace)) ?? DefaultMetricsNamespace;
        if (EmfMetricsWriter.ValidateNamespace(metricsNamespace) is { } namespaceError)
        {
            errors.Add($"{Names.MetricsNamespace}: {namespaceError}");
        }

        return new RuntimeSettings
        {
            RuntimeApi = NonBlank(environment.Get(Names.RuntimeApi)),
            HandlerName = handler,
            FunctionName = functionName,
            FunctionVersion = NonBlank(environment.Get(Names.FunctionVersion)),
            MemorySizeMb = ReadMemorySize(environment, warnings),
            RunOnce = string.Equals(NonBlank(environment.Get(Names.RunOnce)), "true", StringComparison.OrdinalIgnoreCase),
            MinimumLogLevel = ReadLogLevel(environment, warnings),
            LogFormat = ReadLogFormat(environment, warnings),
            ServiceName = NonBlank(environment.Get(Names.ServiceName)) ?? handler ?? "service_undefined",
            MetricsNamespace = metricsNamespace,
            Warnings = warnings,
            Errors = errors,
        };
    }

    private static int? ReadMemorySize(IEnvironmentVariables environment, List<string> warnings)
    {
        var raw = NonBlank(environment.Get(Names.FunctionMemorySize));
        if (raw is null)
        {
            return null;
        }

        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var mb) && mb > 0)
        {
            return mb;
        }

        warnings.Add($"{Names.FunctionMemorySize}='{raw}' is not a positive whole number of MB; function_memory_size is left out.");
        return null;
    }

    private static LogLevel ReadLogLevel(IEnvironmentVariables environment, List<string> warnings)
    {
        foreach (var name in (ReadOnlySpan<string>)[Names.AmiAutomationLogLevel, Names.HandlerLogLevel, Names.LogLevel, Names.PowertoolsLogLevel])
        {
            var raw = NonBlank(environment.Get(name));
            if (raw is null)
            {
                continue;
            }

            if (LogLevelNames.TryParse(raw, out var level))
            {
                return level;
            }

            warnings.Add($"{name}='{raw}' is not a log level (TRACE, DEBUG, INFO, WARN, ERROR, FATAL); ignored.");
        }

        return LogLevel.Information;
    }

    private static LambdaLogFormat ReadLogFormat(IEnvironmentVariables environment, List<string> warnings)
    {
        foreach (var name in (ReadOnlySpan<string>)[Names.HandlerLogFormat, Names.LogFormat])
        {
            var raw = NonBlank(environment.Get(name));
            if (raw is null)
            {
                continue;
            }

            if (string.Equals(raw, "json", StringComparison.OrdinalIgnoreCase))
            {
                return LambdaLogFormat.Json;
            }

            if (string.Equals(raw, "text", StringComparison.OrdinalIgnoreCase))
            {
                return LambdaLogFormat.Text;
            }

            warnings.Add($"{name}='{raw}' is neither JSON nor Text; ignored.");
        }

        return LambdaLogFormat.Json;
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
