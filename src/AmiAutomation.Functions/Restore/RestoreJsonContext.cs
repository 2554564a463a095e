using System.Text.Json.Serialization;

namespace AmiAutomation.Functions.Restore;

/// <summary>Source-generated JSON (AOT-safe) for the restore function: camelCase, case-insensitive reads, nulls omitted.
/// Unknown input fields are rejected by <see cref="RestoreInput"/> itself.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RestoreInput))]
[JsonSerializable(typeof(RestoreOutput))]
public sealed partial class RestoreJsonContext : JsonSerializerContext;
