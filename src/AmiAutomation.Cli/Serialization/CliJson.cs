using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AmiAutomation.Cli.Serialization;

/// <summary>The CLI's JSON contexts with readable escaping (quotes, '+' and non-ASCII stay as they are; output goes to a
/// terminal or a file, never into HTML).</summary>
public static class CliJson
{
    public static CliJsonContext Indented { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static CompactJsonContext Compact { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
