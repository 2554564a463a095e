using System.Text.Json.Serialization;

namespace AmiAutomation.Functions.Common;

/// <summary>
/// Source-generated JSON (AOT-safe) for the sweep functions' input and output. camelCase, case-insensitive reads,
/// nulls omitted. Unknown input fields are rejected by <see cref="ManualSweepInput"/> itself.
/// Copy and restore keep their own contexts next to their types.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ManualSweepInput))]
[JsonSerializable(typeof(RunSummary))]
public sealed partial class FunctionsJsonContext : JsonSerializerContext;
