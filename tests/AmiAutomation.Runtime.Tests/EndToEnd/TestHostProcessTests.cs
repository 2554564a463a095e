using System.Text;
using System.Text.Json;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.TestKit.RuntimeApi;

namespace AmiAutomation.Runtime.Tests.EndToEnd;

/// <summary>The AOT-published test host as a real process against the fake Runtime API.</summary>
public sealed class TestHostProcessTests(TestHostBootstrapFixture bootstrap) : IClassFixture<TestHostBootstrapFixture>, IAsyncLifetime
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Environment prefixes the test host never inherits from the machine (AWS_*, _HANDLER, …).</summary>
    private static readonly string[] NotInherited = ["AWS_", "_HANDLER", "_X_AMZN", "POWERTOOLS_", "AMI_AUTOMATION_"];
    private readonly FakeRuntimeApi _api = FakeRuntimeApi.Start();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private BootstrapProcessRunner Start(string handler, bool runOnce = false) => BootstrapProcessRunner.Start(bootstrap.BootstrapPath, new Dictionary<string, string>
    {
        ["AWS_LAMBDA_RUNTIME_API"] = _api.Address,
        ["_HANDLER"] = handler,
        ["AWS_LAMBDA_FUNCTION_NAME"] = "ami-e2e",
        ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "128",
        ["AWS_LAMBDA_DOTNET_DEBUG_RUN_ONCE"] = runOnce ? "true" : "false",
    }, NotInherited);

    private static IReadOnlyList<JsonElement> JsonLines(string stdout)
        => [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    [Fact]
    public async Task Echo_Invocation_ResponseByteExactThen500EndsProcess()
    {
        var payload = Encoding.UTF8.GetBytes("""{"detail":{"ImageId":"ami-1","Name":"Grüße ✓"}}""");
        using var process = Start("echo");
        _api.Enqueue(new FakeInvocation("e2e/1", payload) { TraceId = "Root=1-abc;Sampled=1" });

        var post = await _api.WaitForResultAsync("e2e/1");
        _api.EnqueueNextAnswer(FakeHttpResponse.Json(500, """{"errorType":"Runtime.Broken"}"""));

        Assert.Equal(RecordedRequestKind.Response, post.Kind);
        Assert.Equal("e2e%2F1", post.RawRequestIdSegment);
        Assert.Equal(payload, post.Body);
        Assert.StartsWith("ami-automation-runtime/", _api.Requests[0].Header("User-Agent"), StringComparison.Ordinal);
        Assert.EndsWith(" aot", _api.Requests[0].Header("User-Agent"), StringComparison.Ordinal);
        Assert.Equal(BootstrapExitCodes.RuntimeApiFailed, await process.WaitForExitAsync(ExitTimeout));
        Assert.Contains("answered 500", process.StandardError, StringComparison.Ordinal);
        var lines = JsonLines(process.StandardOutput);
        Assert.Single(lines, l => l.TryGetProperty("ColdStart", out _));
    }

    [Fact]
    public async Task Throw_Invocation_ErrorDocumentWithCause()
    {
        using var process = Start("throw", runOnce: true);
        _api.Enqueue(FakeInvocation.Json("e2e-throw", "{}"));

        var post = await _api.WaitForResultAsync("e2e-throw");

        Assert.Equal(RecordedRequestKind.Error, post.Kind);
        Assert.Equal("InvalidOperationException", post.Header("Lambda-Runtime-Function-Error-Type"));
        Assert.Equal("application/vnd.aws.lambda.error+json", post.Header("Content-Type"));
        var document = JsonDocument.Parse(post.Body).RootElement;
        Assert.Equal("InvalidOperationException", document.GetProperty("errorType").GetString());
        Assert.Contains("failed on purpose", document.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(0, document.GetProperty("stackTrace").GetArrayLength());
        Assert.Equal("FormatException", document.GetProperty("cause").GetProperty("errorType").GetString());
        Assert.Equal(BootstrapExitCodes.Success, await process.WaitForExitAsync(ExitTimeout));
        var error = Assert.Single(JsonLines(process.StandardOutput), l => l.TryGetProperty("level", out var level) && level.GetString() == "ERROR");
        Assert.Equal("e2e-throw", error.GetProperty("function_request_id").GetString());
    }

    [Fact]
    public async Task Big_ResponseRefusedWith413_NextInvocationStillServed()
    {
        using var process = Start("big");
        _api.Enqueue(FakeInvocation.Json("too-big", "{}"));
        _api.Enqueue(FakeInvocation.Json("small", """{"bytes":16}"""));

        var big = await _api.WaitForResultAsync("too-big");
        var small = await _api.WaitForResultAsync("small");
        _api.EnqueueNextAnswer(FakeHttpResponse.Json(500, "{}"));

        Assert.True(big.Body.Length > FakeRuntimeApi.MaxResponseBytes);
        Assert.Equal(RecordedRequestKind.Response, small.Kind);
        Assert.Equal(16, small.Body.Length);
        Assert.Equal(BootstrapExitCodes.RuntimeApiFailed, await process.WaitForExitAsync(ExitTimeout));
        var refusal = Assert.Single(JsonLines(process.StandardOutput), l => l.TryGetProperty("StatusCode", out _));
        Assert.Equal(413, refusal.GetProperty("StatusCode").GetInt32());
    }

    [Fact]
    public async Task UnknownHandler_InitErrorListsKnownHandlersAndExitsNonZero()
    {
        using var process = Start("no-such-handler");

        var exitCode = await process.WaitForExitAsync(ExitTimeout);

        Assert.Equal(BootstrapExitCodes.InitializationFailed, exitCode);
        var post = Assert.Single(_api.Requests);
        Assert.Equal(RecordedRequestKind.InitError, post.Kind);
        Assert.Equal("Runtime.NoSuchHandler", post.Header("Lambda-Runtime-Function-Error-Type"));
        var message = JsonDocument.Parse(post.Body).RootElement.GetProperty("errorMessage").GetString();
        Assert.Equal("Handler 'no-such-handler' is not in this bootstrap. Known handlers: echo, throw, sleep, big, metrics.", message);
    }

    [Fact]
    public async Task Sleep_LongerThanDeadline_TokenStopsItBeforeTheDeadline()
    {
        using var process = Start("sleep", runOnce: true);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(2);
        _api.Enqueue(FakeInvocation.Json("sleepy", """{"milliseconds":60000}""") with { DeadlineMs = deadline.ToUnixTimeMilliseconds() });

        var post = await _api.WaitForResultAsync("sleepy", TimeSpan.FromSeconds(20));

        Assert.True(DateTimeOffset.UtcNow < deadline.AddSeconds(1), "the handler should stop near deadline − 500 ms");
        Assert.Equal(RecordedRequestKind.Error, post.Kind);
        Assert.EndsWith("CanceledException", post.Header("Lambda-Runtime-Function-Error-Type"), StringComparison.Ordinal);
        Assert.Equal(BootstrapExitCodes.Success, await process.WaitForExitAsync(ExitTimeout));
    }

    [Fact]
    public async Task Metrics_Invocation_WritesEmfAndStructuredLog()
    {
        using var process = Start("metrics", runOnce: true);
        _api.Enqueue(FakeInvocation.Json("m1", "{}"));

        await _api.WaitForResultAsync("m1");

        Assert.Equal(BootstrapExitCodes.Success, await process.WaitForExitAsync(ExitTimeout));
        var lines = JsonLines(process.StandardOutput);
        var seen = Assert.Single(lines, l => l.TryGetProperty("AmisSeen", out _));
        Assert.Equal(5, seen.GetProperty("AmisSeen").GetDouble());
        Assert.Equal("eu-west-1", seen.GetProperty("Region").GetString());
        Assert.Equal("metrics", seen.GetProperty("service").GetString());
        var log = Assert.Single(lines, l => l.TryGetProperty("message", out var m) && m.GetString()!.StartsWith("Recorded metrics", StringComparison.Ordinal));
        Assert.Equal("m1", log.GetProperty("function_request_id").GetString());
        Assert.Equal(128, log.GetProperty("function_memory_size").GetInt32());
    }
}
