using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AmiAutomation.Runtime.Logging;

namespace AmiAutomation.Runtime.Metrics;

/// <summary>
/// Writes recorded metrics as CloudWatch Embedded Metric Format documents, one JSON line each: one document per
/// distinct dimension set (<c>service</c> always first), at most <see cref="MaxMetricsPerDocument"/> metrics per document
/// (more are split), values with the same name and dimensions summed, timestamp in epoch milliseconds, nothing when empty.
/// </summary>
public sealed class EmfMetricsWriter
{
    public const int MaxMetricsPerDocument = 100;
    public const int MaxDimensionsPerSet = 30;
    public const int MaxNamespaceLength = 256;
    public const int MaxMetricNameLength = 1024;
    public const int MaxDimensionNameLength = 250;
    public const int MaxDimensionValueLength = 1024;
    public const string ServiceDimension = "service";
    public const string ColdStartMetric = "ColdStart";
    public const string FunctionNameDimension = "function_name";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string _namespace;
    private readonly string _service;
    private readonly OutputSink _sink;
    private readonly TimeProvider _time;

    /// <exception cref="ArgumentException">The namespace is not a valid CloudWatch namespace.</exception>
    public EmfMetricsWriter(string metricsNamespace, string service, TextWriter output, TimeProvider time)
        : this(metricsNamespace, service, new OutputSink(output), time)
    {
    }

    internal EmfMetricsWriter(string metricsNamespace, string service, OutputSink sink, TimeProvider time)
    {
        if (ValidateNamespace(metricsNamespace) is { } problem)
        {
            throw new ArgumentException(problem, nameof(metricsNamespace));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        _namespace = metricsNamespace;
        _service = service;
        _sink = sink;
        _time = time;
    }

    /// <summary>Null when <paramref name="metricsNamespace"/> is 1–256 characters of <c>[a-zA-Z0-9._#:/-]</c>; else the problem.</summary>
    public static string? ValidateNamespace(string? metricsNamespace)
    {
        if (string.IsNullOrEmpty(metricsNamespace))
        {
            return "the metrics namespace is empty";
        }

        if (metricsNamespace.Length > MaxNamespaceLength)
        {
            return $"the metrics namespace is {metricsNamespace.Length} characters; at most {MaxNamespaceLength} are allowed";
        }

        return metricsNamespace.All(IsNamespaceChar)
            ? null
            : $"the metrics namespace '{metricsNamespace}' has characters outside [a-zA-Z0-9._#:/-]";
    }

    /// <summary>Writes <paramref name="data"/>; nothing when it is empty.</summary>
    /// <exception cref="MetricsValidationException">A limit is broken; nothing is written.</exception>
    public void Write(IReadOnlyList<MetricDatum> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0)
        {
            return;
        }

        var problems = new List<string>();
        var groups = new Dictionary<string, MetricGroup>(StringComparer.Ordinal);
        var order = new List<MetricGroup>();
        foreach (var datum in data)
        {
            var dimensions = DimensionsOf(datum, problems);
            if (dimensions is null)
            {
                continue;
            }

            var key = MetricGroup.KeyOf(dimensions);
            if (!groups.TryGetValue(key, out var group))
            {
                group = new MetricGroup(dimensions);
                groups.Add(key, group);
                order.Add(group);
            }

            if (group.Add(datum) is { } problem)
            {
                problems.Add(problem);
            }
        }

        if (problems.Count > 0)
        {
            throw new MetricsValidationException(problems);
        }

        var timestamp = _time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var group in order)
        {
            foreach (var chunk in group.Metrics.Chunk(MaxMetricsPerDocument))
            {
                _sink.WriteLine(Document(timestamp, group.Dimensions, chunk));
            }
        }
    }

    /// <summary>Writes the <c>ColdStart</c> = 1 document (dimensions <c>service</c>, <c>function_name</c>).</summary>
    public void WriteColdStart(string functionName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        var dimensions = new[] { (ServiceDimension, _service), (FunctionNameDimension, functionName) };
        var metric = new[] { (ColdStartMetric, 1d, MetricUnit.Count) };
        _sink.WriteLine(Document(_time.GetUtcNow().ToUnixTimeMilliseconds(), dimensions, metric));
    }

    private List<(string Key, string Value)>? DimensionsOf(MetricDatum datum, List<string> problems)
    {
        var before = problems.Count;
        var name = datum.Name;
        if (name.Length > MaxMetricNameLength)
        {
            problems.Add($"metric name '{name[..40]}…' is {name.Length} characters; at most {MaxMetricNameLength} are allowed");
        }

        if (!double.IsFinite(datum.Value))
        {
            problems.Add($"metric '{name}' has the value {datum.Value}; EMF needs a finite number");
        }

        if (datum.Dimensions.Count + 1 > MaxDimensionsPerSet)
        {
            problems.Add($"metric '{name}' has {datum.Dimensions.Count + 1} dimensions ({ServiceDimension} + {datum.Dimensions.Count}); "
                + $"CloudWatch EMF allows at most {MaxDimensionsPerSet} per dimension set");
        }

        var dimensions = new List<(string Key, string Value)>(datum.Dimensions.Count + 1) { (ServiceDimension, _service) };
        var keys = new HashSet<string>(StringComparer.Ordinal) { ServiceDimension, "_aws" };
        foreach (var (key, value) in datum.Dimensions)
        {
            if (string.IsNullOrWhiteSpace(key) || key.Length > MaxDimensionNameLength || !keys.Add(key))
            {
                problems.Add($"metric '{name}' has the dimension name '{key}', which is blank, longer than {MaxDimensionNameLength}, "
                    + $"reserved ({ServiceDimension}, _aws) or repeated");
            }

            if (string.IsNullOrEmpty(value) || value.Length > MaxDimensionValueLength)
            {
                problems.Add($"metric '{name}' dimension '{key}' has a value that is empty or longer than {MaxDimensionValueLength}");
            }

            dimensions.Add((key, value ?? string.Empty));
        }

        if (keys.Contains(name))
        {
            problems.Add($"metric '{name}' has the same name as a dimension or a reserved key");
        }

        return problems.Count == before ? dimensions : null;
    }

    private string Document(
        long timestamp,
        IReadOnlyList<(string Key, string Value)> dimensions,
        IReadOnlyList<(string Name, double Value, MetricUnit Unit)> metrics)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + (64 * metrics.Count));
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", timestamp);
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", _namespace);
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            foreach (var (key, _) in dimensions)
            {
                json.WriteStringValue(key);
            }

            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            foreach (var (name, _, unit) in metrics)
            {
                json.WriteStartObject();
                json.WriteString("Name", name);
                json.WriteString("Unit", UnitName(unit));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            foreach (var (key, value) in dimensions)
            {
                json.WriteString(key, value);
            }

            foreach (var (name, value, _) in metrics)
            {
                json.WriteNumber(name, value);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string UnitName(MetricUnit unit) => unit switch
    {
        MetricUnit.Count => "Count",
        MetricUnit.Gigabytes => "Gigabytes",
        MetricUnit.Milliseconds => "Milliseconds",
        MetricUnit.Seconds => "Seconds",
        _ => "None",
    };

    /// <summary><c>[a-zA-Z0-9._#:/-]</c>, without pulling Regex into the binary.</summary>
    private static bool IsNamespaceChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '#' or ':' or '/' or '-';
}
