namespace AmiAutomation.Runtime.Configuration;

/// <summary>The only place that reads (and, for the trace header, writes) the process environment.</summary>
public sealed class SystemEnvironmentVariables : IWritableEnvironmentVariables
{
    public static SystemEnvironmentVariables Instance { get; } = new();

    public string? Get(string name) => Environment.GetEnvironmentVariable(name);

    /// <summary>The names of every variable in the process environment (to point out misspelt settings).</summary>
    public IReadOnlyList<string> Names() =>
        [.. Environment.GetEnvironmentVariables().Keys.OfType<string>().Order(StringComparer.Ordinal)];

    public void Set(string name, string? value) => Environment.SetEnvironmentVariable(name, value);
}
