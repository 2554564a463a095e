namespace AmiAutomation.Runtime.Metrics;

/// <summary>CloudWatch units the product uses (EMF <c>Unit</c> values).</summary>
public enum MetricUnit
{
    Count,
    Gigabytes,
    Milliseconds,
    Seconds,
    None,
}
