using System.Text.Json.Serialization;

namespace AmiAutomation.Aws.RecycleBin.Rbin;

/// <summary>Source-generated JSON for the rbin wire shapes (no reflection under Native AOT). Names are the wire names.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RbinListRulesRequest))]
[JsonSerializable(typeof(RbinListRulesResponse))]
[JsonSerializable(typeof(RbinGetRuleResponse))]
internal sealed partial class RbinJsonContext : JsonSerializerContext;
