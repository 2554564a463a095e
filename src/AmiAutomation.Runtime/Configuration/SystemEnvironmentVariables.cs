namespace AmiAutomation.Runtime.Configuration;

/// <summary>The only place that reads the process environment.</summary>
public sealed class SystemEnvironmentVariables : IEnvironmentVariables
{
    public static SystemEnvironmentVariables Instance { get; } = new();

    public string? Get(string name) => Environment.GetEnvironmentVariable(name);
}
