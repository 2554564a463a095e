using System.Text.Json.Serialization;

namespace AmiAutomation.Functions.Copy;

/// <summary>Source-generated JSON (AOT-safe) for the copy function. Input names are matched exactly (EventBridge's
/// <c>detail-type</c>, <c>detail.State</c>); output is camelCase without nulls.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CopyInput))]
[JsonSerializable(typeof(CopyOutput))]
public sealed partial class CopyJsonContext : JsonSerializerContext;
