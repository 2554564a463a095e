using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Tests.Support;
using AmiAutomation.TestKit.Logging;
using AmiAutomation.TestKit.RuntimeApi;
using Microsoft.Extensions.Logging;

namespace AmiAutomation.Runtime.Tests.Logging;

/// <summary>
/// EMF documents must reach CloudWatch at every LogLevel the template allows. The template keeps Lambda's
/// ApplicationLogLevel at INFO and hands LogLevel to our logger (AMI_AUTOMATION_LOG_LEVEL); these tests run the host
/// with that environment and pass its stdout through a model of Lambda's level filter.
/// </summary>
public sealed class MetricsSurviveLogLevelTests : IAsyncDisposable
{
    private readonly HostHarness _host = new();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<IReadOnlyList<string>> RunFailingInvocationAsync(string stackLogLevel, string lambdaLevel)
    {
        _host.Start(
            new FunctionRegistry().Add("f", () => new DelegateFunction("f", (_, context) =>
            {
                context.Logger.LogInformation("run started");
                context.Logger.LogError("inventory source failed");
                context.Metrics.Add("InventorySourcesFailed", 1);
                context.Metrics.Add("RunsCompleted", 1);
                return Task.FromResult<byte[]?>("""{"status":"failed"}"""u8.ToArray());
            })),
            "f",
            new Dictionary<string, string?> { ["AWS_LAMBDA_LOG_LEVEL"] = lambdaLevel, ["AMI_AUTOMATION_LOG_LEVEL"] = stackLogLevel });
        _host.Api.Enqueue(FakeInvocation.Json("r1", "{}"));
        await _host.Api.WaitForResultAsync("r1");
        await _host.StopAsync();
        return _host.Output.Lines;
    }

    [Theory]
    [InlineData("TRACE")]
    [InlineData("DEBUG")]
    [InlineData("INFO")]
    [InlineData("WARN")]
    [InlineData("ERROR")]
    [InlineData("FATAL")]
    public async Task FailingRun_AnyStackLogLevel_EmfLinesKeptByLambda(string stackLogLevel)
    {
        var lines = await RunFailingInvocationAsync(stackLogLevel, lambdaLevel: "INFO");

        var kept = LambdaLogLevelFilter.Kept(lines, "INFO");
        var metrics = string.Join("\n", kept.Where(LambdaLogLevelFilter.IsEmf));
        Assert.Contains("\"InventorySourcesFailed\":1", metrics, StringComparison.Ordinal);
        Assert.Contains("\"RunsCompleted\":1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingRun_StackLogLevelError_OurLoggerDropsInfoButKeepsErrors()
    {
        var lines = await RunFailingInvocationAsync("ERROR", lambdaLevel: "INFO");

        Assert.DoesNotContain(lines, l => l.Contains("run started", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("inventory source failed", StringComparison.Ordinal) && LambdaLogLevelFilter.LevelOf(l) == "ERROR");
    }

    [Fact]
    public async Task FailingRun_LambdaItselfAtError_WouldDropEveryEmfLine()
    {
        // The configuration the template no longer uses (ApplicationLogLevel = LogLevel): why it keeps INFO.
        var lines = await RunFailingInvocationAsync("ERROR", lambdaLevel: "ERROR");

        Assert.Contains(lines, LambdaLogLevelFilter.IsEmf);
        Assert.DoesNotContain(LambdaLogLevelFilter.Kept(lines, "ERROR"), LambdaLogLevelFilter.IsEmf);
    }
}
