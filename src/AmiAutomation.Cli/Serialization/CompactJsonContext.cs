using System.Text.Json;
using System.Text.Json.Serialization;

namespace AmiAutomation.Cli.Serialization;

/// <summary>Compact JSON (one line) for <c>--json</c> output of function responses.</summary>
[JsonSerializable(typeof(JsonElement))]
public sealed partial class CompactJsonContext : JsonSerializerContext;
