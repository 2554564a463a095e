using System.Text.Json.Serialization;

namespace AmiAutomation.Runtime.Tests.Support;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(GreetingRequest))]
[JsonSerializable(typeof(GreetingResponse))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
