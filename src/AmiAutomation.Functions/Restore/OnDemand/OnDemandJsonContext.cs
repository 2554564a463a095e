using System.Text.Json.Serialization;

namespace AmiAutomation.Functions.Restore.OnDemand;

/// <summary>Source-generated JSON (AOT-safe) for the details of the events self-healing reads. Names are fixed by
/// <c>JsonPropertyName</c>; unknown fields are ignored (AWS adds fields).</summary>
[JsonSerializable(typeof(CloudTrailCallDetail))]
[JsonSerializable(typeof(AutoScalingLaunchDetail))]
public sealed partial class OnDemandJsonContext : JsonSerializerContext;
