namespace AmiAutomation.Runtime.Configuration;

/// <summary>
/// Invalid configuration, with every problem found (not just the first). At start-up the host reports it to
/// <c>init/error</c> as <c>Runtime.InvalidConfiguration</c> and exits non-zero.
/// </summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(IReadOnlyList<string> errors)
        : base("Invalid configuration: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    public ConfigurationException(string message)
        : this([message])
    {
    }

    public ConfigurationException()
        : this("unknown problem")
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public IReadOnlyList<string> Errors { get; }
}
