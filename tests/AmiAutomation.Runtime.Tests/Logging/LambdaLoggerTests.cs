using System.Globalization;
using System.Text.Json;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.Runtime.Logging;
using AmiAutomation.Runtime.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Runtime.Tests.Logging;

public sealed class LambdaLoggerTests
{
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 3, 4, 10, 15, 30, TimeSpan.Zero).AddTicks(1_234_567);
    private readonly RecordingTextWriter _output = new();
    private readonly FakeTimeProvider _time = new(Now);

    private LambdaLoggerProvider Provider(LambdaLogFormat format = LambdaLogFormat.Json, LogLevel level = LogLevel.Trace) => new(
        new LambdaLoggerOptions
        {
            MinimumLevel = level,
            Format = format,
            Service = "deprecate",
            FunctionName = "ami-deprecate",
            FunctionVersion = "7",
            FunctionMemorySizeMb = 512,
            Output = _output,
        },
        _time);

    private static void LogAtEveryLevel(ILogger logger)
    {
        foreach (var level in new[] { LogLevel.Trace, LogLevel.Debug, LogLevel.Information, LogLevel.Warning, LogLevel.Error, LogLevel.Critical })
        {
#pragma warning disable CA2254 // the template is a constant per level
            logger.Log(level, "at " + level);
#pragma warning restore CA2254
        }
    }

    [Theory]
    [InlineData("TRACE", "TRACE,DEBUG,INFO,WARN,ERROR,FATAL")]
    [InlineData("trace", "TRACE,DEBUG,INFO,WARN,ERROR,FATAL")]
    [InlineData("DEBUG", "DEBUG,INFO,WARN,ERROR,FATAL")]
    [InlineData("Debug", "DEBUG,INFO,WARN,ERROR,FATAL")]
    [InlineData("INFO", "INFO,WARN,ERROR,FATAL")]
    [InlineData("information", "INFO,WARN,ERROR,FATAL")]
    [InlineData("WARN", "WARN,ERROR,FATAL")]
    [InlineData("warn", "WARN,ERROR,FATAL")]
    [InlineData("WARNING", "WARN,ERROR,FATAL")]
    [InlineData("ERROR", "ERROR,FATAL")]
    [InlineData("error", "ERROR,FATAL")]
    [InlineData("FATAL", "FATAL")]
    [InlineData("fatal", "FATAL")]
    [InlineData("CRITICAL", "FATAL")]
    public void Log_LevelFromEnvironment_WritesOnlyThatLevelAndAbove(string configured, string expected)
    {
        var settings = RuntimeSettings.Read(new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["AWS_LAMBDA_LOG_LEVEL"] = configured }));
        using var provider = new LambdaLoggerProvider(new LambdaLoggerOptions { MinimumLevel = settings.MinimumLogLevel, Output = _output }, _time);

        LogAtEveryLevel(provider.CreateLogger("test"));

        Assert.Equal(expected.Split(','), _output.JsonLines.Select(j => j.GetProperty("level").GetString()));
    }

    [Fact]
    public void Log_Json_HasPowertoolsKeysAndRfc3339Timestamp()
    {
        using var provider = Provider();

        provider.CreateLogger("AmiAutomation.Deprecate").LogInformation("Deprecating {ImageId}", "ami-1");

        var record = Assert.Single(_output.JsonLines);
        Assert.Equal("INFO", record.GetProperty("level").GetString());
        Assert.Equal("Deprecating ami-1", record.GetProperty("message").GetString());
        var timestamp = record.GetProperty("timestamp").GetString();
        Assert.Equal("2026-03-04T10:15:30.1234567Z", timestamp);
        Assert.Equal(Now, DateTimeOffset.ParseExact(timestamp!, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture));
        Assert.Equal("deprecate", record.GetProperty("service").GetString());
        Assert.True(record.GetProperty("cold_start").GetBoolean());
        Assert.Equal("ami-deprecate", record.GetProperty("function_name").GetString());
        Assert.Equal("7", record.GetProperty("function_version").GetString());
        Assert.Equal(JsonValueKind.Number, record.GetProperty("function_memory_size").ValueKind);
        Assert.Equal(512, record.GetProperty("function_memory_size").GetInt32());
        Assert.Equal("AmiAutomation.Deprecate", record.GetProperty("name").GetString());
        Assert.Equal("ami-1", record.GetProperty("ImageId").GetString());
        Assert.False(record.TryGetProperty("function_request_id", out _));
        Assert.False(record.TryGetProperty("xray_trace_id", out _));
        Assert.False(record.TryGetProperty("function_arn", out _));
    }

    [Fact]
    public void Log_InsideInvocation_AddsRequestScopedKeysThenDropsThem()
    {
        using var provider = Provider();
        var logger = provider.CreateLogger("c");

        provider.Context.Begin(new InvocationLogScope("req-1", "arn:aws:lambda:eu-west-1:1:function:f", "1-5bef4de7-ad49b0e87f6ef6c87fc2e700", "tenant-1"));
        logger.LogInformation("inside");
        provider.Context.End();
        logger.LogInformation("outside");

        var (inside, outside) = (_output.JsonLines[0], _output.JsonLines[1]);
        Assert.Equal("req-1", inside.GetProperty("function_request_id").GetString());
        Assert.Equal("arn:aws:lambda:eu-west-1:1:function:f", inside.GetProperty("function_arn").GetString());
        Assert.Equal("1-5bef4de7-ad49b0e87f6ef6c87fc2e700", inside.GetProperty("xray_trace_id").GetString());
        Assert.Equal("tenant-1", inside.GetProperty("tenantId").GetString());
        foreach (var key in new[] { "function_request_id", "function_arn", "xray_trace_id", "tenantId" })
        {
            Assert.False(outside.TryGetProperty(key, out _), key);
        }
    }

    [Fact]
    public void Log_TemplateArguments_KeepTheirJsonTypes()
    {
        using var provider = Provider();
        var when = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        provider.CreateLogger("c").LogInformation(
            "Plan {ImageId} {Count} {Ratio} {DryRun} {DeprecateAt} {Regions} {Missing} {Level}",
            "ami-1", 42, 0.5, true, when, new[] { "eu-west-1", "us-east-1" }, null, LogLevel.Warning);

        var record = Assert.Single(_output.JsonLines);
        Assert.Equal("ami-1", record.GetProperty("ImageId").GetString());
        Assert.Equal(42, record.GetProperty("Count").GetInt32());
        Assert.Equal(0.5, record.GetProperty("Ratio").GetDouble());
        Assert.True(record.GetProperty("DryRun").GetBoolean());
        Assert.Equal("2026-01-02T03:04:05.0000000+00:00", record.GetProperty("DeprecateAt").GetString());
        Assert.Equal(["eu-west-1", "us-east-1"], record.GetProperty("Regions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, record.GetProperty("Missing").ValueKind);
        Assert.Equal("Warning", record.GetProperty("Level").GetString());
        Assert.False(record.TryGetProperty("{OriginalFormat}", out _));
    }

    [Fact]
    public void Log_ArgumentNamedLikeStandardKey_DoesNotDuplicateTheKey()
    {
        using var provider = Provider();

        provider.CreateLogger("c").LogInformation("Got {message} and {level}", "m", "l");

        var line = Assert.Single(_output.Lines);
        var record = JsonDocument.Parse(line).RootElement;
        Assert.Equal(1, record.EnumerateObject().Count(p => p.Name == "message"));
        Assert.Equal("m", record.GetProperty("arg_message").GetString());
        Assert.Equal("INFO", record.GetProperty("level").GetString());
    }

    [Fact]
    public void Log_Exception_WritesExceptionObjectWithInner()
    {
        using var provider = Provider();
        var ex = new InvalidOperationException("outer", new TimeoutException("inner"));

        provider.CreateLogger("c").LogError(ex, "Failed {ImageId}", "ami-1");

        var exception = Assert.Single(_output.JsonLines).GetProperty("exception");
        Assert.Equal("System.InvalidOperationException", exception.GetProperty("type").GetString());
        Assert.Equal("outer", exception.GetProperty("message").GetString());
        Assert.Equal("System.TimeoutException", exception.GetProperty("inner_exception").GetProperty("type").GetString());
    }

    [Fact]
    public void Log_MultiLineMessage_StaysOneJsonLine()
    {
        using var provider = Provider();

        provider.CreateLogger("c").LogWarning("line one\nline two\r\nline three");

        var line = Assert.Single(_output.Lines);
        Assert.Equal("line one\nline two\r\nline three", JsonDocument.Parse(line).RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public void Log_Text_WritesTimestampRequestIdLevelMessage()
    {
        using var provider = Provider(LambdaLogFormat.Text);
        var logger = provider.CreateLogger("c");

        provider.Context.Begin(new InvocationLogScope("req-9", null, null, null));
        logger.LogWarning("Skipping {ImageId}", "ami-2");
        provider.Context.End();
        logger.LogInformation("outside");

        Assert.Equal(
            ["2026-03-04T10:15:30.1234567Z\treq-9\tWARN\tSkipping ami-2", "2026-03-04T10:15:30.1234567Z\t\tINFO\toutside"],
            _output.Lines);
    }

    [Fact]
    public void Log_TextMultiLineWithException_StaysOneLine()
    {
        using var provider = Provider(LambdaLogFormat.Text);

        provider.CreateLogger("c").LogError(new InvalidOperationException("boom"), "first\nsecond");

        var line = Assert.Single(_output.Lines);
        Assert.StartsWith("2026-03-04T10:15:30.1234567Z\t\tERROR\tfirst\rsecond\rSystem.InvalidOperationException: boom", line, StringComparison.Ordinal);
    }

    [Fact]
    public void IsEnabled_None_IsNeverEnabled()
    {
        using var provider = Provider();

        Assert.False(provider.CreateLogger("c").IsEnabled(LogLevel.None));
    }
}
