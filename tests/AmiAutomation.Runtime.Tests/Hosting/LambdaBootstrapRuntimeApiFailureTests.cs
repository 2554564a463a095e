using System.Net;
using System.Net.Sockets;
using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.Runtime.Tests.Support;
using AmiAutomation.TestKit.RuntimeApi;

namespace AmiAutomation.Runtime.Tests.Hosting;

public sealed class LambdaBootstrapRuntimeApiFailureTests : IAsyncLifetime
{
    private readonly HostHarness _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static FunctionRegistry Echo() => new FunctionRegistry().Add("echo", () => DelegateFunction.Echo());

    [Fact]
    public async Task RunAsync_NextAnswers500_ExitsNonZeroWithClearMessage()
    {
        _host.Start(Echo());
        _host.Api.EnqueueNextAnswer(FakeHttpResponse.Json(500, """{"errorType":"Runtime.Broken"}"""));

        Assert.Equal(BootstrapExitCodes.RuntimeApiFailed, await _host.ExitCodeAsync());
        Assert.Contains("answered 500 to GET", _host.ErrorOutput.Text, StringComparison.Ordinal);
        Assert.Single(_host.Output.LogRecords, r => r.GetProperty("level").GetString() == "FATAL");
    }

    [Theory]
    [InlineData(RecordedRequestKind.Response)]
    [InlineData(RecordedRequestKind.Error)]
    public async Task RunAsync_PostAnswers500_ExitsNonZeroWithoutAnotherNext(RecordedRequestKind kind)
    {
        var registry = new FunctionRegistry().Add("f", () => new DelegateFunction("f", (payload, _) =>
            kind == RecordedRequestKind.Error ? throw new InvalidOperationException("fails") : Task.FromResult<byte[]?>(payload.ToArray())));
        _host.Api.Responder = r => r.Kind == kind ? FakeHttpResponse.Json(500, "{}") : null;
        _host.Start(registry, "f");
        _host.Api.Enqueue(FakeInvocation.Json("r1", "{}"));
        _host.Api.Enqueue(FakeInvocation.Json("r2", "{}"));

        Assert.Equal(BootstrapExitCodes.RuntimeApiFailed, await _host.ExitCodeAsync());
        Assert.Single(_host.Api.Requests, r => r.Kind == RecordedRequestKind.Next);
        Assert.Contains("answered 500 to POST", _host.ErrorOutput.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NextAnswersUnexpectedStatus_ExitsNonZero()
    {
        _host.Start(Echo());
        _host.Api.EnqueueNextAnswer(FakeHttpResponse.Json(403, """{"errorType":"Forbidden"}"""));

        Assert.Equal(BootstrapExitCodes.RuntimeApiFailed, await _host.ExitCodeAsync());
        Assert.Contains("403", _host.ErrorOutput.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RuntimeApiUnreachable_ExitsNonZeroNamingTheAddress()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var address = $"127.0.0.1:{((IPEndPoint)closed.LocalEndpoint).Port}";
        closed.Stop();

        _host.Start(Echo(), "echo", new Dictionary<string, string?> { ["AWS_LAMBDA_RUNTIME_API"] = address });

        Assert.Equal(BootstrapExitCodes.RuntimeApiFailed, await _host.ExitCodeAsync());
        Assert.Contains($"Cannot reach the Lambda Runtime API at http://{address}/", _host.ErrorOutput.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InitErrorPostFails_StillExitsWithInitFailure()
    {
        _host.Api.Responder = _ => FakeHttpResponse.Json(500, "{}");
        _host.Start(Echo(), "unknown");

        Assert.Equal(BootstrapExitCodes.InitializationFailed, await _host.ExitCodeAsync());
        Assert.Contains("could not report the init error", _host.ErrorOutput.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HostFailsOutsideHandler_ExitsWithHostFailedAndSaysWhyOnStderr()
    {
        _host.Start(Echo(), output: new FailingTextWriter());
        _host.Api.Enqueue(FakeInvocation.Json("r1", "{}"));

        Assert.Equal(BootstrapExitCodes.HostFailed, await _host.ExitCodeAsync());
        Assert.Contains("the host failed: IOException: stdout is closed", _host.ErrorOutput.Text, StringComparison.Ordinal);
    }
}
