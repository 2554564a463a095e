using System.Text.Json.Serialization;

namespace AmiAutomation.TestHost.Functions;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SleepRequest))]
[JsonSerializable(typeof(SleepResult))]
[JsonSerializable(typeof(BigRequest))]
[JsonSerializable(typeof(string))]
internal sealed partial class TestHostJsonContext : JsonSerializerContext;
