namespace AmiAutomation.Runtime.Metrics;

/// <summary>Recorded metrics break a CloudWatch EMF limit; lists every problem. Nothing of that batch was written.</summary>
public sealed class MetricsValidationException : Exception
{
    public MetricsValidationException(IReadOnlyList<string> problems)
        : base("Metrics not written: " + string.Join("; ", problems))
    {
        Problems = problems;
    }

    public MetricsValidationException(string message)
        : this([message])
    {
    }

    public MetricsValidationException()
        : this("unknown problem")
    {
    }

    public MetricsValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; }
}
