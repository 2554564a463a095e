namespace AmiAutomation.Runtime.Metrics;

/// <summary>Metrics sharing one dimension set (keys and values), summed by name: the content of one or more EMF
/// documents. Dimensions keep first-seen order with <c>service</c> first.</summary>
internal sealed class MetricGroup(IReadOnlyList<(string Key, string Value)> dimensions)
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<(string Name, double Value, MetricUnit Unit)> _metrics = [];

    public IReadOnlyList<(string Key, string Value)> Dimensions { get; } = dimensions;

    public IReadOnlyList<(string Name, double Value, MetricUnit Unit)> Metrics => _metrics;

    /// <summary>The grouping key: the dimension pairs sorted by key, so order of declaration does not matter.</summary>
    public static string KeyOf(IReadOnlyList<(string Key, string Value)> dimensions)
        => string.Join('\u001e', dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Key + '\u001f' + d.Value));

    /// <summary>Adds <paramref name="datum"/>; returns a problem when the unit differs from earlier values of that name.</summary>
    public string? Add(MetricDatum datum)
    {
        if (!_index.TryGetValue(datum.Name, out var at))
        {
            _index.Add(datum.Name, _metrics.Count);
            _metrics.Add((datum.Name, datum.Value, datum.Unit));
            return null;
        }

        var existing = _metrics[at];
        if (existing.Unit != datum.Unit)
        {
            return $"metric '{datum.Name}' is recorded with two units ({existing.Unit} and {datum.Unit}) for the same dimensions";
        }

        _metrics[at] = existing with { Value = existing.Value + datum.Value };
        return null;
    }
}
