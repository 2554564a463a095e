using System.Net;
using System.Net.Sockets;
using System.Text;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.TestKit.RuntimeApi;

namespace AmiAutomation.Runtime.Tests.Hosting;

public sealed class RuntimeApiClientTests : IAsyncLifetime
{
    private const string Trace = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1";
    private const string ClientContext = """{"client":{"app_title":"Zürich ✓"},"custom":{"note":"a, b; c"}}""";
    private const string Cognito = """{"cognitoIdentityId":"eu-west-1:ü-123","cognitoIdentityPoolId":"pool"}""";
    private const string Tenant = "mandant-ä-東京";

    private FakeRuntimeApi _api = null!;
    private RuntimeApiClient _client = null!;

    public Task InitializeAsync()
    {
        _api = FakeRuntimeApi.Start();
        _client = new RuntimeApiClient(_api.Address);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetNextAsync_AllHeaders_ParsedCaseInsensitivelyAsUtf8(bool lowercaseNames)
    {
        _api.Enqueue(FakeInvocation.Json("req-1", "{}") with
        {
            DeadlineMs = 1_772_619_330_123,
            FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:f:live",
            TraceId = Trace,
            ClientContext = ClientContext,
            CognitoIdentity = Cognito,
            TenantId = Tenant,
            LowercaseHeaderNames = lowercaseNames,
        });

        var request = await _client.GetNextAsync(CancellationToken.None);

        Assert.Equal("req-1", request.RequestId);
        Assert.Equal(1_772_619_330_123, request.DeadlineMs);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_772_619_330_123), request.Deadline);
        Assert.Equal("arn:aws:lambda:eu-west-1:123456789012:function:f:live", request.InvokedFunctionArn);
        Assert.Equal(Trace, request.TraceId);
        Assert.Equal(ClientContext, request.ClientContext);
        Assert.Equal(Cognito, request.CognitoIdentity);
        Assert.Equal(Tenant, request.TenantId);
    }

    [Fact]
    public async Task GetNextAsync_OptionalHeadersAbsent_AreNull()
    {
        _api.Enqueue(FakeInvocation.Json("req-2", "{}") with { OmitDeadline = true, FunctionArn = null });

        var request = await _client.GetNextAsync(CancellationToken.None);

        Assert.Null(request.DeadlineMs);
        Assert.Equal(DateTimeOffset.MaxValue, request.Deadline);
        Assert.Null(request.InvokedFunctionArn);
        Assert.Null(request.TraceId);
        Assert.Null(request.ClientContext);
        Assert.Null(request.CognitoIdentity);
        Assert.Null(request.TenantId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json at all")]
    [InlineData("{\"name\":\"Größe\"}")]
    public async Task GetNextAsync_Payload_PassedByteExact(string text)
    {
        var payload = Encoding.UTF8.GetBytes(text).Concat(text.Length > 0 ? new byte[] { 0xFF, 0x00 } : []).ToArray();
        _api.Enqueue(new FakeInvocation("req-3", payload));

        var request = await _client.GetNextAsync(CancellationToken.None);

        Assert.Equal(payload, request.Payload);
    }

    [Fact]
    public async Task GetNextAsync_Always_SendsUserAgent()
    {
        _api.Enqueue(FakeInvocation.Json("req-4", "{}"));

        await _client.GetNextAsync(CancellationToken.None);

        var next = await _api.WaitForAsync(r => r.Kind == RecordedRequestKind.Next);
        Assert.StartsWith("ami-automation-runtime/", next.Header("User-Agent"), StringComparison.Ordinal);
        Assert.EndsWith(" jit", next.Header("User-Agent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetNextAsync_500_ThrowsRuntimeApiException()
    {
        _api.EnqueueNextAnswer(FakeHttpResponse.Json(500, """{"errorType":"ServiceException"}"""));

        var ex = await Assert.ThrowsAsync<RuntimeApiException>(() => _client.GetNextAsync(CancellationToken.None));

        Assert.Contains("500", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetNextAsync_CancelledWhileWaiting_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        var next = _client.GetNextAsync(cancel.Token);
        await _api.WaitForAsync(r => r.Kind == RecordedRequestKind.Next);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
    }

    [Fact]
    public async Task PostResponseAsync_Body_SentByteExactToEscapedRequestIdPath()
    {
        const string id = "id with/slash+plus é";
        var body = Encoding.UTF8.GetBytes("""{"message":"Grüße ✓"}""");

        var result = await _client.PostResponseAsync(id, body);

        var post = await _api.WaitForResultAsync(id);
        Assert.True(result.Accepted);
        Assert.Equal(RecordedRequestKind.Response, post.Kind);
        Assert.Equal(Uri.EscapeDataString(id), post.RawRequestIdSegment);
        Assert.Equal(body, post.Body);
        Assert.Equal("application/json", post.Header("Content-Type"));
    }

    [Fact]
    public async Task PostResponseAsync_NullResult_PostsEmptyBody()
    {
        await _client.PostResponseAsync("req-5", null);

        var post = await _api.WaitForResultAsync("req-5");
        Assert.Empty(post.Body);
        Assert.Equal("0", post.Header("Content-Length"));
    }

    [Fact]
    public async Task PostErrorAsync_Document_SentWithErrorContentTypeAndTypeHeader()
    {
        var document = Encoding.UTF8.GetBytes("""{"errorMessage":"m","errorType":"BoomException","stackTrace":[]}""");

        await _client.PostErrorAsync("req-6", "BoomException", document);

        var post = await _api.WaitForResultAsync("req-6");
        Assert.Equal(RecordedRequestKind.Error, post.Kind);
        Assert.Equal("application/vnd.aws.lambda.error+json", post.Header("Content-Type"));
        Assert.Equal("BoomException", post.Header("Lambda-Runtime-Function-Error-Type"));
        Assert.Equal(document, post.Body);
    }

    [Fact]
    public async Task PostResponseAsync_OverLimit_Returns413WithoutThrowing()
    {
        var result = await _client.PostResponseAsync("req-7", new byte[FakeRuntimeApi.MaxResponseBytes + 1]);

        Assert.Equal(413, result.StatusCode);
        Assert.False(result.Accepted);
        Assert.Contains("RequestEntityTooLarge", result.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RecordedRequestKind.Response)]
    [InlineData(RecordedRequestKind.Error)]
    [InlineData(RecordedRequestKind.InitError)]
    public async Task Post_500_ThrowsRuntimeApiException(RecordedRequestKind kind)
    {
        _api.Responder = _ => FakeHttpResponse.Json(500, """{"errorType":"ServiceException"}""");

        Task post = kind switch
        {
            RecordedRequestKind.Response => _client.PostResponseAsync("r", []),
            RecordedRequestKind.Error => _client.PostErrorAsync("r", "E", "{}"u8.ToArray()),
            _ => _client.PostInitErrorAsync("Runtime.X", "{}"u8.ToArray()),
        };

        var ex = await Assert.ThrowsAsync<RuntimeApiException>(() => post);
        Assert.Contains("500", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetNextAsync_NothingListening_ThrowsRuntimeApiExceptionNamingTheAddress()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        using var client = new RuntimeApiClient($"127.0.0.1:{port}");

        var ex = await Assert.ThrowsAsync<RuntimeApiException>(() => client.GetNextAsync(CancellationToken.None));

        Assert.Contains($"127.0.0.1:{port}", ex.Message, StringComparison.Ordinal);
    }
}
