using System.Text.Json;
using AmiAutomation.Runtime.Metrics;
using AmiAutomation.Runtime.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Runtime.Tests.Metrics;

public sealed class EmfMetricsWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 10, 15, 30, 123, TimeSpan.Zero);
    private readonly RecordingTextWriter _output = new();
    private readonly EmfMetricsWriter _writer;

    public EmfMetricsWriterTests()
    {
        _writer = new EmfMetricsWriter("AmiAutomation", "deprecate", _output, new FakeTimeProvider(Now));
    }

    private static JsonElement Definition(JsonElement document) => document.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];

    private static string[][] Dimensions(JsonElement document)
        => [.. Definition(document).GetProperty("Dimensions").EnumerateArray().Select(set => set.EnumerateArray().Select(d => d.GetString()!).ToArray())];

    [Fact]
    public void Write_OneMetric_WritesValidEmfDocument()
    {
        var recorder = new MetricsRecorder();
        recorder.Add("AmisDeprecated", 3, MetricUnit.Count, ("Action", "Deprecate"));

        _writer.Write(recorder.Data);

        var line = Assert.Single(_output.Lines);
        Assert.Equal(
            """{"_aws":{"Timestamp":1772619330123,"CloudWatchMetrics":[{"Namespace":"AmiAutomation","Dimensions":[["service","Action"]],"Metrics":[{"Name":"AmisDeprecated","Unit":"Count"}]}]},"service":"deprecate","Action":"Deprecate","AmisDeprecated":3}""",
            line);
        Assert.Equal(Now.ToUnixTimeMilliseconds(), JsonDocument.Parse(line).RootElement.GetProperty("_aws").GetProperty("Timestamp").GetInt64());
    }

    [Fact]
    public void Write_Nothing_WritesNothing()
    {
        _writer.Write(new MetricsRecorder().Data);

        Assert.Empty(_output.Text);
    }

    [Fact]
    public void Write_SameNameAndDimensions_AreSummedInAnyDimensionOrder()
    {
        var recorder = new MetricsRecorder();
        recorder.Add("Seen", 2, MetricUnit.Count, ("Region", "eu-west-1"), ("Kind", "ami"));
        recorder.Add("Seen", 3, MetricUnit.Count, ("Kind", "ami"), ("Region", "eu-west-1"));
        recorder.Add("Seconds", 1.5, MetricUnit.Seconds, ("Region", "eu-west-1"), ("Kind", "ami"));

        _writer.Write(recorder.Data);

        var document = Assert.Single(_output.JsonLines);
        Assert.Equal(5, document.GetProperty("Seen").GetDouble());
        Assert.Equal(1.5, document.GetProperty("Seconds").GetDouble());
        Assert.Equal([["service", "Region", "Kind"]], Dimensions(document));
        Assert.Equal(["Count", "Seconds"], Definition(document).GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Unit").GetString()));
    }

    [Fact]
    public void Write_DistinctDimensionSets_OneDocumentEach()
    {
        var recorder = new MetricsRecorder();
        recorder.Add("Seen", 1);
        recorder.Add("Seen", 2, MetricUnit.Count, ("Region", "eu-west-1"));
        recorder.Add("Seen", 4, MetricUnit.Count, ("Region", "us-east-1"));

        _writer.Write(recorder.Data);

        var documents = _output.JsonLines;
        Assert.Equal(3, documents.Count);
        Assert.Equal([["service"]], Dimensions(documents[0]));
        Assert.Equal(1, documents[0].GetProperty("Seen").GetDouble());
        Assert.Equal("eu-west-1", documents[1].GetProperty("Region").GetString());
        Assert.Equal(2, documents[1].GetProperty("Seen").GetDouble());
        Assert.Equal("us-east-1", documents[2].GetProperty("Region").GetString());
        Assert.Equal(4, documents[2].GetProperty("Seen").GetDouble());
    }

    [Fact]
    public void Write_MoreThan100Metrics_SplitsIntoDocumentsOfAtMost100()
    {
        var recorder = new MetricsRecorder();
        for (var i = 0; i < 250; i++)
        {
            recorder.Add($"Metric{i:000}", i);
        }

        _writer.Write(recorder.Data);

        var documents = _output.JsonLines;
        Assert.Equal([100, 100, 50], documents.Select(d => Definition(d).GetProperty("Metrics").GetArrayLength()));
        Assert.Equal(249, documents[2].GetProperty("Metric249").GetInt32());
        var names = documents.SelectMany(d => Definition(d).GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()));
        Assert.Equal(250, names.Distinct().Count());
    }

    [Fact]
    public void Write_ThirtyDimensionsWithService_IsAccepted()
    {
        var recorder = new MetricsRecorder();
        recorder.Add("Wide", 1, MetricUnit.Count, [.. Enumerable.Range(0, 29).Select(i => ($"D{i}", "v"))]);

        _writer.Write(recorder.Data);

        Assert.Equal(30, Dimensions(Assert.Single(_output.JsonLines))[0].Length);
    }

    [Fact]
    public void Write_MoreThanThirtyDimensions_RejectedWithClearErrorAndNothingWritten()
    {
        var recorder = new MetricsRecorder();
        recorder.Add("Fine", 1);
        recorder.Add("TooWide", 1, MetricUnit.Count, [.. Enumerable.Range(0, 30).Select(i => ($"D{i}", "v"))]);

        var ex = Assert.Throws<MetricsValidationException>(() => _writer.Write(recorder.Data));

        Assert.Contains("metric 'TooWide' has 31 dimensions", ex.Message, StringComparison.Ordinal);
        Assert.Contains("at most 30", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_output.Text);
    }

    [Theory]
    [InlineData("service", "v", "reserved")]
    [InlineData("", "v", "blank")]
    [InlineData("Region", "", "empty")]
    public void Write_BadDimension_IsRejected(string key, string value, string expected)
    {
        var recorder = new MetricsRecorder();
        recorder.Add("M", 1, MetricUnit.Count, (key, value));

        var ex = Assert.Throws<MetricsValidationException>(() => _writer.Write(recorder.Data));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NonFiniteValueOrUnitClash_IsRejected()
    {
        var recorder = new MetricsRecorder();
        recorder.Add("Nan", double.NaN);
        recorder.Add("Time", 1, MetricUnit.Seconds);
        recorder.Add("Time", 1, MetricUnit.Milliseconds);

        var ex = Assert.Throws<MetricsValidationException>(() => _writer.Write(recorder.Data));

        Assert.Equal(2, ex.Problems.Count);
    }

    [Fact]
    public void WriteColdStart_FunctionName_WritesColdStartCountDocument()
    {
        _writer.WriteColdStart("ami-deprecate");

        var document = Assert.Single(_output.JsonLines);
        Assert.Equal(1, document.GetProperty("ColdStart").GetInt32());
        Assert.Equal("ami-deprecate", document.GetProperty("function_name").GetString());
        Assert.Equal([["service", "function_name"]], Dimensions(document));
        var metric = Assert.Single(Definition(document).GetProperty("Metrics").EnumerateArray());
        Assert.Equal("Count", metric.GetProperty("Unit").GetString());
    }

    [Theory]
    [InlineData("AmiAutomation", true)]
    [InlineData("Ami/Automation_1.2#x:y-z", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("émoji", false)]
    public void ValidateNamespace_Value_AcceptsOnlyTheEmfCharacterSet(string value, bool valid)
    {
        Assert.Equal(valid, EmfMetricsWriter.ValidateNamespace(value) is null);
    }

    [Fact]
    public void ValidateNamespace_TooLong_IsRejected()
    {
        Assert.Null(EmfMetricsWriter.ValidateNamespace(new string('a', 256)));
        Assert.Contains("257 characters", EmfMetricsWriter.ValidateNamespace(new string('a', 257)), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidNamespace_Throws()
    {
        Assert.Throws<ArgumentException>(() => new EmfMetricsWriter("bad ns", "s", _output, TimeProvider.System));
    }
}
