using System.Diagnostics;
using System.Net;
using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.SignedApi;
using AmiAutomation.Aws.Tests.Support;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Tests.SignedApi;

public sealed class SignedAwsClientTests : IDisposable
{
    private const string QueryError = "<ErrorResponse><Error><Type>Sender</Type><Code>{0}</Code><Message>{1}</Message></Error><RequestId>rid-{0}</RequestId></ErrorResponse>";
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly SignedRequest _request = new("DescribeThings", HttpMethod.Post, "/") { Body = "Action=DescribeThings"u8.ToArray(), ContentType = "application/x-www-form-urlencoded; charset=utf-8" };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task SendAsync_ThrottledThenOk_RetriesAndReturnsTheAnswer()
    {
        using var server = new FakeAwsServer((_, n) => n < 2
            ? new FakeAwsResponse(400, string.Format(null, QueryError, "Throttling", "Rate exceeded"), "text/xml")
            : new FakeAwsResponse(200, "<ok/>", "text/xml") { Headers = [new("x-amzn-RequestId", "rid-ok")] });

        var response = await Client(server, SignedTestSettings.Create(maxRetries: 2)).SendAsync(_request, CancellationToken.None);

        Assert.Equal("<ok/>", response.Body);
        Assert.Equal("rid-ok", response.RequestId);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_ServerErrorsPastTheRetryBudget_ThrowsTheLastErrorAfterEveryAttempt()
    {
        using var server = new FakeAwsServer((_, _) => new FakeAwsResponse(503, "<html>unavailable</html>", "text/html"));

        var ex = await Assert.ThrowsAsync<AmazonServiceException>(() => Client(server, SignedTestSettings.Create(maxRetries: 3)).SendAsync(_request, CancellationToken.None));

        Assert.Equal(4, server.Requests.Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
        Assert.Equal(ErrorType.Receiver, ex.ErrorType);
        Assert.StartsWith("HTTP503 (no error code: the endpoint may not implement this call)", Ec2ErrorCodes.Describe(ex), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ClientError_NotRetriedAndCarriesCodeStatusAndRequestId()
    {
        using var server = new FakeAwsServer((_, _) => new FakeAwsResponse(400, string.Format(null, QueryError, "ValidationError", "bad value"), "text/xml"));

        var ex = await Assert.ThrowsAsync<AmazonServiceException>(() => Client(server, SignedTestSettings.Create(maxRetries: 5)).SendAsync(_request, CancellationToken.None));

        Assert.Single(server.Requests);
        Assert.Equal("ValidationError", ex.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("rid-ValidationError", ex.RequestId);
        Assert.Equal(ErrorType.Sender, ex.ErrorType);
        Assert.Contains("Auto Scaling DescribeThings: bad value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_SlowServer_EachAttemptTimesOutThenRequestTimeout()
    {
        using var server = new FakeAwsServer((_, _) => new FakeAwsResponse(200, "<late/>")) { Delay = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<AmazonServiceException>(() =>
            Client(server, SignedTestSettings.Create(maxRetries: 1, attemptTimeout: TimeSpan.FromMilliseconds(300))).SendAsync(_request, CancellationToken.None));

        Assert.Equal(SignedApiErrorCodes.RequestTimeout, ex.ErrorCode);
        Assert.Equal(2, server.Requests.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"took {watch.Elapsed}");
        Assert.Contains("within 0.3 s", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_CallerCancelsWhileWaitingForTheAnswer_OperationCanceledNotAnAwsError()
    {
        using var server = new FakeAwsServer((_, _) => new FakeAwsResponse(200, "<late/>")) { Delay = TimeSpan.FromSeconds(10) };
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(server, SignedTestSettings.Create(maxRetries: 5)).SendAsync(_request, cancel.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task SendAsync_CallerCancelsDuringBackoff_StopsWithoutAnotherAttempt()
    {
        using var server = new FakeAwsServer((_, _) => new FakeAwsResponse(500, "{}"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var settings = SignedTestSettings.Create(maxRetries: 5) with { Retry = new SignedRetryPolicy(5, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(server, settings).SendAsync(_request, cancel.Token));

        Assert.True(server.Requests.Count <= 2, $"{server.Requests.Count} attempts");
    }

    [Fact]
    public async Task SendAsync_AlreadyCancelled_SendsNothing()
    {
        using var server = new FakeAwsServer((_, _) => new FakeAwsResponse(200, "<ok/>"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(server, SignedTestSettings.Create()).SendAsync(_request, new CancellationToken(canceled: true)));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task SendAsync_NothingListening_RequestFailedAfterRetries()
    {
        int port;
        using (var probe = new FakeAwsServer((_, _) => new FakeAwsResponse(200, string.Empty)))
        {
            port = probe.Port;
        }

        var client = new SignedAwsClient(_http, AwsService.AutoScaling, "eu-west-1", new Uri($"http://127.0.0.1:{port}"), SignedTestSettings.Create(maxRetries: 1));

        var ex = await Assert.ThrowsAsync<AmazonServiceException>(() => client.SendAsync(_request, CancellationToken.None));

        Assert.Equal(SignedApiErrorCodes.RequestFailed, ex.ErrorCode);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task SendAsync_SessionCredentials_SendsTheSecurityTokenAndSignsForTheRegion()
    {
        using var server = new FakeAwsServer((_, _) => new FakeAwsResponse(200, "<ok/>"));
        var settings = SignedTestSettings.Create(credentials: new SessionAWSCredentials("ASIATEST", "secret", "session-token=="));

        await new SignedAwsClient(_http, AwsService.RecycleBin, "ap-south-2", server.Url, settings).SendAsync(_request, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("session-token==", request.Header("X-Amz-Security-Token"));
        Assert.Matches(@"^\d{8}/ap-south-2/rbin/aws4_request$", request.CredentialScope);
        Assert.Contains("x-amz-security-token", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Matches(@"^\d{8}T\d{6}Z$", request.Header("X-Amz-Date"));
    }

    [Fact]
    public async Task SendAsync_EndpointWithBasePathAndQuery_KeepsTheBasePathAndEncodesTheQuery()
    {
        using var server = new FakeAwsServer((_, _) => new FakeAwsResponse(200, "{}"));
        var client = new SignedAwsClient(_http, AwsService.RecycleBin, "eu-west-1", new Uri(server.Url, "/proxy/"), SignedTestSettings.Create());
        var request = new SignedRequest("GetThing", HttpMethod.Get, "/rules/abc") { Query = [new("b", "x y"), new("a", "1/2")] };

        await client.SendAsync(request, CancellationToken.None);

        Assert.Equal("/proxy/rules/abc?a=1%2F2&b=x%20y", Assert.Single(server.Requests).RawUrl);
    }

    [Fact]
    public void Constructor_NoOverride_UsesTheRegionsPublicEndpoint()
    {
        Assert.Equal(new Uri("https://autoscaling.eu-west-3.amazonaws.com"), new SignedAwsClient(_http, AwsService.AutoScaling, "eu-west-3", null, SignedTestSettings.Create()).Endpoint);
        Assert.Equal(new Uri("https://rbin.cn-north-1.amazonaws.com.cn"), new SignedAwsClient(_http, AwsService.RecycleBin, "cn-north-1", null, SignedTestSettings.Create()).Endpoint);
    }

    private SignedAwsClient Client(FakeAwsServer server, SignedClientSettings settings) =>
        new(_http, AwsService.AutoScaling, "eu-west-1", server.Url, settings);
}
