using System.Text;
using System.Text.Json;
using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.Runtime.Tests.Support;
using AmiAutomation.TestKit.RuntimeApi;
using Microsoft.Extensions.Logging;

namespace AmiAutomation.Runtime.Tests.Hosting;

public sealed class LambdaBootstrapInvocationTests : IAsyncLifetime
{
    private readonly HostHarness _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RunAsync_HandlerSucceeds_PostsExactlyOneResponseWithItsBytes()
    {
        var result = Encoding.UTF8.GetBytes("""{"done":"Grüße"}""");
        _host.Start(new FunctionRegistry().Add("f", () => new DelegateFunction("f", (_, _) => Task.FromResult<byte[]?>(result))), "f");
        _host.Api.Enqueue(FakeInvocation.Json("a/b c", "{}"));

        var post = await _host.Api.WaitForResultAsync("a/b c");
        Assert.Equal(BootstrapExitCodes.Success, await _host.StopAsync());

        Assert.Equal(RecordedRequestKind.Response, post.Kind);
        Assert.Equal("a%2Fb%20c", post.RawRequestIdSegment);
        Assert.Equal(result, post.Body);
        Assert.Single(_host.Api.Requests, r => r.Kind is RecordedRequestKind.Response or RecordedRequestKind.Error);
    }

    [Fact]
    public async Task RunAsync_HandlerReturnsNull_PostsEmptyBody()
    {
        _host.Start(new FunctionRegistry().Add("f", () => new DelegateFunction("f", (_, _) => Task.FromResult<byte[]?>(null))), "f");
        _host.Api.Enqueue(FakeInvocation.Json("r1", "{}"));

        var post = await _host.Api.WaitForResultAsync("r1");

        Assert.Equal(RecordedRequestKind.Response, post.Kind);
        Assert.Empty(post.Body);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_PostsOneErrorDocumentAndKeepsServing()
    {
        var calls = 0;
        _host.Start(new FunctionRegistry().Add("f", () => new DelegateFunction("f", (payload, _) =>
            Interlocked.Increment(ref calls) == 1
                ? throw new InvalidOperationException("first call fails", new TimeoutException("slow dependency"))
                : Task.FromResult<byte[]?>(payload.ToArray()))), "f");
        _host.Api.Enqueue(FakeInvocation.Json("r1", "{}"));
        _host.Api.Enqueue(FakeInvocation.Json("r2", "{}"));

        var error = await _host.Api.WaitForResultAsync("r1");
        var second = await _host.Api.WaitForResultAsync("r2");

        Assert.Equal(RecordedRequestKind.Error, error.Kind);
        Assert.Equal("InvalidOperationException", error.Header("Lambda-Runtime-Function-Error-Type"));
        Assert.Equal("application/vnd.aws.lambda.error+json", error.Header("Content-Type"));
        var document = JsonDocument.Parse(error.Body).RootElement;
        Assert.Equal("first call fails", document.GetProperty("errorMessage").GetString());
        Assert.Equal("InvalidOperationException", document.GetProperty("errorType").GetString());
        Assert.Equal(JsonValueKind.Array, document.GetProperty("stackTrace").ValueKind);
        Assert.Equal("TimeoutException", document.GetProperty("cause").GetProperty("errorType").GetString());
        Assert.DoesNotContain(_host.Api.Requests, r => r.Kind == RecordedRequestKind.Response && r.RequestId == "r1");
        Assert.Equal(RecordedRequestKind.Response, second.Kind);
        var logged = Assert.Single(_host.Output.LogRecords, r => r.GetProperty("level").GetString() == "ERROR");
        Assert.Equal("r1", logged.GetProperty("function_request_id").GetString());
    }

    [Fact]
    public async Task RunAsync_PayloadNotJson_PostsInvalidEventExceptionAndServesNext()
    {
        _host.Start(new FunctionRegistry().Add(TypedFunction.HandlerName, () => new TypedFunction()), TypedFunction.HandlerName);
        _host.Api.Enqueue(FakeInvocation.Json("bad", "this is not JSON"));
        _host.Api.Enqueue(FakeInvocation.Json("good", """{"name":"ami-1"}"""));

        var bad = await _host.Api.WaitForResultAsync("bad");
        var good = await _host.Api.WaitForResultAsync("good");

        Assert.Equal(RecordedRequestKind.Error, bad.Kind);
        Assert.Equal("InvalidEventException", bad.Header("Lambda-Runtime-Function-Error-Type"));
        var message = JsonDocument.Parse(bad.Body).RootElement.GetProperty("errorMessage").GetString();
        Assert.Contains(TypedFunction.HandlerName, message, StringComparison.Ordinal);
        Assert.Equal(RecordedRequestKind.Response, good.Kind);
        Assert.Equal("""{"greeting":"hello ami-1"}""", good.BodyText);
    }

    [Fact]
    public async Task RunAsync_ResponseRefusedWith413_LogsErrorAndServesNextInvocation()
    {
        _host.Start(new FunctionRegistry().Add("f", () => new DelegateFunction("f", (payload, _) =>
            Task.FromResult<byte[]?>(payload.Span.SequenceEqual("\"big\""u8) ? new byte[FakeRuntimeApi.MaxResponseBytes + 1] : payload.ToArray()))), "f");
        _host.Api.Enqueue(FakeInvocation.Json("big", "\"big\""));
        _host.Api.Enqueue(FakeInvocation.Json("small", "\"small\""));

        await _host.Api.WaitForResultAsync("big");
        var small = await _host.Api.WaitForResultAsync("small");

        Assert.Equal("\"small\"", small.BodyText);
        var refusal = Assert.Single(_host.Output.LogRecords, r => r.GetProperty("level").GetString() == "ERROR");
        Assert.Equal(413, refusal.GetProperty("StatusCode").GetInt32());
        Assert.Equal("big", refusal.GetProperty("RequestId").GetString());
    }

    [Fact]
    public async Task RunAsync_SeveralInvocations_NeverHasTwoRequestsOpen()
    {
        _host.Api.PostAnswerDelay = TimeSpan.FromMilliseconds(50);
        _host.Start(new FunctionRegistry().Add("echo", () => DelegateFunction.Echo()));
        for (var i = 0; i < 5; i++)
        {
            _host.Api.Enqueue(FakeInvocation.Json($"r{i}", $"{{\"i\":{i}}}"));
        }

        await _host.Api.WaitForResultAsync("r4");
        await _host.Api.WaitForAsync(r => r.Kind == RecordedRequestKind.Next && r.Sequence > 10);

        Assert.Equal(1, _host.Api.MaxConcurrentRequests);
        var kinds = _host.Api.Requests.Take(10).Select(r => r.Kind);
        Assert.Equal(Enumerable.Repeat(new[] { RecordedRequestKind.Next, RecordedRequestKind.Response }, 5).SelectMany(k => k), kinds);
    }

    [Fact]
    public async Task RunAsync_HandlerLogs_RecordCarriesRequestScopedKeysOnlyInside()
    {
        _host.Start(new FunctionRegistry().Add("f", () => new DelegateFunction("f", (_, context) =>
        {
            context.Logger.LogInformation("Working on {ImageId}", "ami-0123");
            return Task.FromResult<byte[]?>(null);
        })), "f", new Dictionary<string, string?> { ["AWS_LAMBDA_LOG_LEVEL"] = "verbose-typo" });
        _host.Api.Enqueue(FakeInvocation.Json("r1", "{}") with { TraceId = "Root=1-abc-def;Parent=11;Sampled=1", TenantId = "t-1" });
        _host.Api.Enqueue(FakeInvocation.Json("r2", "{}"));

        await _host.Api.WaitForResultAsync("r2");
        await _host.StopAsync();

        var records = _host.Output.LogRecords;
        var warning = Assert.Single(records, r => r.GetProperty("level").GetString() == "WARN");
        Assert.False(warning.TryGetProperty("function_request_id", out _));
        var work = records.Where(r => r.GetProperty("message").GetString() == "Working on ami-0123").ToList();
        Assert.Equal(2, work.Count);
        Assert.Equal("r1", work[0].GetProperty("function_request_id").GetString());
        Assert.Equal("1-abc-def", work[0].GetProperty("xray_trace_id").GetString());
        Assert.Equal("t-1", work[0].GetProperty("tenantId").GetString());
        Assert.Equal(FakeInvocation.DefaultFunctionArn, work[0].GetProperty("function_arn").GetString());
        Assert.True(work[0].GetProperty("cold_start").GetBoolean());
        Assert.Equal("f", work[0].GetProperty("name").GetString());
        Assert.Equal(256, work[0].GetProperty("function_memory_size").GetInt32());
        Assert.Equal("r2", work[1].GetProperty("function_request_id").GetString());
        Assert.False(work[1].TryGetProperty("xray_trace_id", out _));
        Assert.False(work[1].GetProperty("cold_start").GetBoolean());
    }

    [Fact]
    public async Task RunAsync_HandlerRecordsMetrics_FlushesThemAndColdStartOnlyOnce()
    {
        _host.Start(new FunctionRegistry().Add("f", () => new DelegateFunction("f", (_, context) =>
        {
            context.Metrics.Add("AmisSeen", 2);
            context.Metrics.Add("AmisSeen", 3);
            return Task.FromResult<byte[]?>(null);
        })), "f", new Dictionary<string, string?> { ["POWERTOOLS_METRICS_NAMESPACE"] = "Ami/Test" });
        _host.Api.Enqueue(FakeInvocation.Json("r1", "{}"));
        _host.Api.Enqueue(FakeInvocation.Json("r2", "{}"));

        await _host.Api.WaitForResultAsync("r2");
        await _host.StopAsync();

        var documents = _host.Output.EmfDocuments;
        var coldStart = Assert.Single(documents, d => d.TryGetProperty("ColdStart", out _));
        Assert.Equal(HostHarness.FunctionName, coldStart.GetProperty("function_name").GetString());
        var seen = documents.Where(d => d.TryGetProperty("AmisSeen", out _)).ToList();
        Assert.Equal(2, seen.Count);
        Assert.All(seen, d => Assert.Equal(5, d.GetProperty("AmisSeen").GetDouble()));
        Assert.All(documents, d => Assert.Equal("Ami/Test", d.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Namespace").GetString()));
    }

    [Fact]
    public async Task RunAsync_RunOnce_ExitsZeroAfterOneInvocation()
    {
        _host.Start(new FunctionRegistry().Add("echo", () => DelegateFunction.Echo()), "echo",
            new Dictionary<string, string?> { ["AWS_LAMBDA_DOTNET_DEBUG_RUN_ONCE"] = "true" });
        _host.Api.Enqueue(FakeInvocation.Json("only", "{}"));

        Assert.Equal(BootstrapExitCodes.Success, await _host.ExitCodeAsync());
        Assert.Single(_host.Api.Requests, r => r.Kind == RecordedRequestKind.Next);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileNextIsWaiting_ExitsZero()
    {
        _host.Start(new FunctionRegistry().Add("echo", () => DelegateFunction.Echo()));
        await _host.Api.WaitForAsync(r => r.Kind == RecordedRequestKind.Next);

        Assert.Equal(BootstrapExitCodes.Success, await _host.StopAsync());
    }
}
