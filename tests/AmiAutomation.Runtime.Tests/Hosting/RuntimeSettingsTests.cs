using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.Runtime.Logging;
using Microsoft.Extensions.Logging;

namespace AmiAutomation.Runtime.Tests.Hosting;

public sealed class RuntimeSettingsTests
{
    private static RuntimeSettings Read(params (string Name, string Value)[] values)
        => RuntimeSettings.Read(new DictionaryEnvironmentVariables(values.ToDictionary(v => v.Name, v => v.Value)));

    [Fact]
    public void Read_Empty_UsesDefaults()
    {
        var settings = Read();

        Assert.Null(settings.RuntimeApi);
        Assert.Null(settings.HandlerName);
        Assert.Equal(LogLevel.Information, settings.MinimumLogLevel);
        Assert.Equal(LambdaLogFormat.Json, settings.LogFormat);
        Assert.Equal("service_undefined", settings.ServiceName);
        Assert.Equal("AmiAutomation", settings.MetricsNamespace);
        Assert.False(settings.RunOnce);
        Assert.Empty(settings.Warnings);
        Assert.Empty(settings.Errors);
    }

    [Fact]
    public void Read_Full_TakesEveryValue()
    {
        var settings = Read(
            ("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001"),
            ("_HANDLER", "deprecate"),
            ("AWS_LAMBDA_FUNCTION_NAME", "ami-deprecate"),
            ("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"),
            ("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512"),
            ("AWS_LAMBDA_DOTNET_DEBUG_RUN_ONCE", "TRUE"),
            ("AWS_LAMBDA_LOG_FORMAT", "text"),
            ("POWERTOOLS_SERVICE_NAME", "deprecation"),
            ("POWERTOOLS_METRICS_NAMESPACE", "Ami/Prod"));

        Assert.Equal("127.0.0.1:9001", settings.RuntimeApi);
        Assert.Equal("deprecate", settings.HandlerName);
        Assert.Equal("ami-deprecate", settings.FunctionName);
        Assert.Equal("$LATEST", settings.FunctionVersion);
        Assert.Equal(512, settings.MemorySizeMb);
        Assert.True(settings.RunOnce);
        Assert.Equal(LambdaLogFormat.Text, settings.LogFormat);
        Assert.Equal("deprecation", settings.ServiceName);
        Assert.Equal("Ami/Prod", settings.MetricsNamespace);
    }

    [Fact]
    public void Read_NoServiceName_ServiceIsTheHandlerName()
    {
        Assert.Equal("expire", Read(("_HANDLER", "expire")).ServiceName);
    }

    [Theory]
    [InlineData("DEBUG", null, null, LogLevel.Debug)]
    [InlineData(null, "warn", null, LogLevel.Warning)]
    [InlineData(null, null, "Error", LogLevel.Error)]
    [InlineData("TRACE", "FATAL", "ERROR", LogLevel.Trace)]
    [InlineData(null, "INFO", "ERROR", LogLevel.Information)]
    [InlineData(null, "nonsense", "ERROR", LogLevel.Error)]
    public void Read_LogLevels_HandlerThenLambdaThenPowertools(string? handlerLevel, string? lambdaLevel, string? powertoolsLevel, LogLevel expected)
    {
        var values = new List<(string, string)>();
        if (handlerLevel is not null)
        {
            values.Add(("AWS_LAMBDA_HANDLER_LOG_LEVEL", handlerLevel));
        }

        if (lambdaLevel is not null)
        {
            values.Add(("AWS_LAMBDA_LOG_LEVEL", lambdaLevel));
        }

        if (powertoolsLevel is not null)
        {
            values.Add(("POWERTOOLS_LOG_LEVEL", powertoolsLevel));
        }

        Assert.Equal(expected, Read([.. values]).MinimumLogLevel);
    }

    [Fact]
    public void Read_StackLogLevel_WinsOverLambdasApplicationLogLevel()
    {
        // The template keeps Lambda at INFO (so EMF lines survive) and passes its LogLevel parameter here.
        var settings = Read(("AWS_LAMBDA_LOG_LEVEL", "INFO"), ("AMI_AUTOMATION_LOG_LEVEL", "ERROR"));

        Assert.Equal(LogLevel.Error, settings.MinimumLogLevel);
    }

    [Theory]
    [InlineData("AWS_LAMBDA_LOG_LEVEL", "loud")]
    [InlineData("AWS_LAMBDA_LOG_FORMAT", "xml")]
    [InlineData("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "lots")]
    public void Read_OddValue_BecomesWarningNamingTheVariable(string name, string value)
    {
        var settings = Read((name, value));

        var warning = Assert.Single(settings.Warnings);
        Assert.Contains(name, warning, StringComparison.Ordinal);
        Assert.Empty(settings.Errors);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("ünicode")]
    public void Read_BadMetricsNamespace_IsAnError(string value)
    {
        var error = Assert.Single(Read(("POWERTOOLS_METRICS_NAMESPACE", value)).Errors);

        Assert.Contains("POWERTOOLS_METRICS_NAMESPACE", error, StringComparison.Ordinal);
    }
}
