namespace AmiAutomation.Runtime.Configuration;

/// <summary>Environment variables from a dictionary: tests, the CLI's simulator runs.</summary>
public sealed class DictionaryEnvironmentVariables(IReadOnlyDictionary<string, string> values) : IEnvironmentVariables
{
    public string? Get(string name) => values.TryGetValue(name, out var value) ? value : null;
}
