using System.Text.Json;

namespace AmiAutomation.TestKit.Logging;

/// <summary>
/// A model of Lambda's advanced logging controls for a custom runtime with LogFormat JSON: a stdout line that is a
/// JSON object is kept when its top-level <c>level</c> is at or above the function's ApplicationLogLevel; a missing or
/// unknown <c>level</c> counts as INFO (so EMF documents are INFO). Lines that are not JSON objects count as INFO too.
/// https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html
/// </summary>
public static class LambdaLogLevelFilter
{
    private static readonly string[] Order = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"];

    /// <summary>The lines Lambda would keep at <paramref name="applicationLogLevel"/>.</summary>
    public static IReadOnlyList<string> Kept(IEnumerable<string> lines, string applicationLogLevel)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var threshold = Rank(applicationLogLevel) ?? throw new ArgumentException($"'{applicationLogLevel}' is not a Lambda log level.", nameof(applicationLogLevel));
        return [.. lines.Where(line => (Rank(LevelOf(line)) ?? Rank("INFO")) >= threshold)];
    }

    /// <summary>The top-level <c>level</c> of a JSON line; null when absent or not JSON.</summary>
    public static string? LevelOf(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("level", out var level) && level.ValueKind == JsonValueKind.String
                ? level.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>True when the line is an EMF document (a top-level <c>_aws</c> object).</summary>
    public static bool IsEmf(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("_aws", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static int? Rank(string? level)
    {
        var index = level is null ? -1 : Array.IndexOf(Order, level.ToUpperInvariant());
        return index < 0 ? null : index;
    }
}
