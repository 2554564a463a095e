using System.Text.Json.Serialization;
using AmiAutomation.Cli.Hosting;
using AmiAutomation.Cli.Simulation;

namespace AmiAutomation.Cli.Serialization;

/// <summary>Source-generated JSON for everything the CLI prints with <c>--json</c>: camelCase, indented, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(SimulationReport))]
[JsonSerializable(typeof(LambdaError))]
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
[JsonSerializable(typeof(AmiAutomation.Cli.Planning.PlanReport))]
[JsonSerializable(typeof(AmiAutomation.Cli.Explain.ExplainReport))]
public sealed partial class CliJsonContext : JsonSerializerContext;
