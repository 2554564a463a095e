namespace AmiAutomation.Runtime.Metrics;

/// <summary>
/// Collects metrics during one invocation; the host flushes them as EMF documents at its end
/// (nothing is written when nothing was recorded). Values with the same name and dimensions add up.
/// </summary>
public sealed class MetricsRecorder
{
    private readonly List<MetricDatum> _data = [];

    /// <summary>Records <paramref name="value"/> under <paramref name="name"/> with optional extra dimensions
    /// (the <c>service</c> dimension is always added).</summary>
    public void Add(string name, double value, MetricUnit unit = MetricUnit.Count, params (string Key, string Value)[] dimensions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _data.Add(new MetricDatum(name, value, unit, dimensions));
    }

    public IReadOnlyList<MetricDatum> Data => _data;

    public void Clear() => _data.Clear();
}

public sealed record MetricDatum(string Name, double Value, MetricUnit Unit, IReadOnlyList<(string Key, string Value)> Dimensions);
