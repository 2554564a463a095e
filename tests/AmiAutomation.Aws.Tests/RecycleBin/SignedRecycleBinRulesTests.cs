using System.Net;
using AmiAutomation.Aws.RecycleBin;
using AmiAutomation.Aws.SignedApi;
using AmiAutomation.Aws.Tests.SignedApi;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Restorability;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Tests.RecycleBin;

/// <summary>The rbin rule client against a fake endpoint (no emulator implements rbin) that checks what arrives.</summary>
public sealed class SignedRecycleBinRulesTests : IDisposable
{
    private const string Region = "eu-west-1";
    private const string FullRule = """
        {"Identifier":"a1B2c3D4e5F","Description":"keep AMIs","ResourceType":"EC2_IMAGE",
         "RetentionPeriod":{"RetentionPeriodValue":14,"RetentionPeriodUnit":"DAYS"},
         "ResourceTags":[{"ResourceTagKey":"team","ResourceTagValue":"web"},{"ResourceTagKey":"keep"}],
         "ExcludeResourceTags":[],"Status":"available","LockState":"locked",
         "LockConfiguration":{"UnlockDelay":{"UnlockDelayValue":7,"UnlockDelayUnit":"DAYS"}},
         "RuleArn":"arn:aws:rbin:eu-west-1:123456789012:rule/a1B2c3D4e5F"}
        """;

    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task ListRulesAsync_TwoPages_SignedJsonPostsCarryTypeMaxResultsAndToken()
    {
        using var server = new FakeAwsServer((request, _) =>
            request.Body.Contains("\"NextToken\"", StringComparison.Ordinal)
                ? FakeAwsResponse.Json("""{"Rules":[{"Identifier":"ccccccccccc","RetentionPeriod":{"RetentionPeriodValue":1,"RetentionPeriodUnit":"DAYS"}}],"NextToken":null}""")
                : FakeAwsResponse.Json("""{"Rules":[{"Identifier":"aaaaaaaaaaa","LockState":"unlocked"},{"Identifier":"bbbbbbbbbbb"}],"NextToken":"page+2/=="}"""));
        var rules = Rules(server);

        var first = await rules.ListRulesAsync(RetentionResourceType.Ec2Image, null, CancellationToken.None);
        var second = await rules.ListRulesAsync(RetentionResourceType.Ec2Image, first.NextToken, CancellationToken.None);

        Assert.Equal(["aaaaaaaaaaa", "bbbbbbbbbbb"], first.Identifiers);
        Assert.Equal("page+2/==", first.NextToken);
        Assert.Equal(["ccccccccccc"], second.Identifiers);
        Assert.Null(second.NextToken);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, request =>
        {
            Assert.Equal("POST", request.Method);
            Assert.Equal("/list-rules", request.RawUrl);
            Assert.Equal("application/json", request.Header("Content-Type"));
            Assert.Matches(@"^\d{8}/eu-west-1/rbin/aws4_request$", request.CredentialScope);
            Assert.Matches(@"^\d{8}T\d{6}Z$", request.Header("X-Amz-Date"));
            Assert.StartsWith(request.Header("X-Amz-Date")![..8], request.CredentialScope, StringComparison.Ordinal);
            Assert.Contains("SignedHeaders=content-type;host;x-amz-date,", request.Header("Authorization"), StringComparison.Ordinal);
        });
        Assert.Equal("""{"ResourceType":"EC2_IMAGE","MaxResults":1000}""", server.Requests[0].Body);
        Assert.Equal("""{"ResourceType":"EC2_IMAGE","MaxResults":1000,"NextToken":"page\u002B2/=="}""", server.Requests[1].Body);
    }

    [Fact]
    public async Task ListRulesAsync_Snapshots_AsksForEbsSnapshotWithTheConfiguredPageSize()
    {
        using var server = new FakeAwsServer((_, _) => FakeAwsResponse.Json("""{"Rules":[]}"""));

        var page = await new SignedRecycleBinRules(Client(server), maxResults: 5).ListRulesAsync(RetentionResourceType.EbsSnapshot, string.Empty, CancellationToken.None);

        Assert.Empty(page.Identifiers);
        Assert.Null(page.NextToken);
        Assert.Equal("""{"ResourceType":"EBS_SNAPSHOT","MaxResults":5}""", Assert.Single(server.Requests).Body);
    }

    [Fact]
    public async Task GetRuleAsync_FullRule_MappedIntoARetentionRule()
    {
        using var server = new FakeAwsServer((_, _) => FakeAwsResponse.Json(FullRule));

        var rule = await Rules(server).GetRuleAsync("a1B2c3D4e5F", CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/rules/a1B2c3D4e5F", request.RawUrl);
        Assert.Equal(string.Empty, request.Body);
        Assert.Null(request.Header("Content-Type"));
        Assert.Matches(@"^\d{8}/eu-west-1/rbin/aws4_request$", request.CredentialScope);
        Assert.Equal("a1B2c3D4e5F", rule.Identifier);
        Assert.Equal(RetentionResourceType.Ec2Image, rule.ResourceType);
        Assert.Equal(14, rule.RetentionDays);
        Assert.True(rule.IsAvailable);
        Assert.Equal([new("team", "web"), new("keep", null)], rule.ResourceTags);
        Assert.Empty(rule.ExcludeResourceTags);
        Assert.Equal("locked", rule.LockState);
        Assert.Equal("keep AMIs", rule.Description);
    }

    [Fact]
    public async Task GetRuleAsync_PendingRegionLevelSnapshotRule_NotAvailableWithExclusions()
    {
        using var server = new FakeAwsServer((_, _) => FakeAwsResponse.Json("""
            {"Identifier":"zzzzzzzzzzz","ResourceType":"EBS_SNAPSHOT","RetentionPeriod":{"RetentionPeriodValue":365,"RetentionPeriodUnit":"DAYS"},
             "ExcludeResourceTags":[{"ResourceTagKey":"scratch","ResourceTagValue":"true"}],"Status":"pending"}
            """));

        var rule = await Rules(server).GetRuleAsync("zzzzzzzzzzz", CancellationToken.None);

        Assert.Equal(RetentionResourceType.EbsSnapshot, rule.ResourceType);
        Assert.False(rule.IsAvailable);
        Assert.Equal(365, rule.RetentionDays);
        Assert.Empty(rule.ResourceTags);
        Assert.Equal([new("scratch", "true")], rule.ExcludeResourceTags);
        Assert.Null(rule.LockState);
    }

    [Theory]
    [InlineData("""{"ResourceType":"EBS_VOLUME","RetentionPeriod":{"RetentionPeriodValue":3,"RetentionPeriodUnit":"DAYS"},"Status":"available"}""", "unknown ResourceType 'EBS_VOLUME'")]
    [InlineData("""{"ResourceType":"EC2_IMAGE","RetentionPeriod":{"RetentionPeriodValue":3,"RetentionPeriodUnit":"WEEKS"},"Status":"available"}""", "RetentionPeriodUnit 'WEEKS' is not DAYS")]
    [InlineData("""{"ResourceType":"EC2_IMAGE","Status":"available"}""", "no positive RetentionPeriod")]
    [InlineData("""{"ResourceType":"EC2_IMAGE","RetentionPeriod":{"RetentionPeriodValue":0,"RetentionPeriodUnit":"DAYS"}}""", "no positive RetentionPeriod")]
    [InlineData("""{"ResourceType":"EC2_IMAGE","RetentionPeriod":{"RetentionPeriodValue":3,"RetentionPeriodUnit":"DAYS"},"ResourceTags":[{"ResourceTagValue":"v"}]}""", "a tag without ResourceTagKey")]
    [InlineData("""{"ResourceType":"EC2_IMAGE","RetentionPeriod":{"RetentionPeriodValue":"3"}}""", "could not be read")]
    [InlineData("null", "JSON null")]
    [InlineData("<html>proxy</html>", "could not be read")]
    public async Task GetRuleAsync_AnswerWeCannotMap_MalformedResponseNotAGuess(string body, string expected)
    {
        using var server = new FakeAwsServer((_, _) => FakeAwsResponse.Json(body));

        var ex = await Assert.ThrowsAsync<AmazonServiceException>(() => Rules(server).GetRuleAsync("a1B2c3D4e5F", CancellationToken.None));

        Assert.Equal(SignedApiErrorCodes.MalformedResponse, ex.ErrorCode);
        Assert.StartsWith("Recycle Bin GetRule: the answer could not be read", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Rules":[{"Description":"no id"}]}""")]
    [InlineData("""{"Rules":""")]
    public async Task ListRulesAsync_AnswerWeCannotMap_MalformedResponse(string body)
    {
        using var server = new FakeAwsServer((_, _) => FakeAwsResponse.Json(body));

        var ex = await Assert.ThrowsAsync<AmazonServiceException>(() => Rules(server).ListRulesAsync(RetentionResourceType.Ec2Image, null, CancellationToken.None));

        Assert.Equal(SignedApiErrorCodes.MalformedResponse, ex.ErrorCode);
        Assert.StartsWith("Recycle Bin ListRules", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, "ValidationException")]
    [InlineData(403, "AccessDeniedException")]
    [InlineData(404, "ResourceNotFoundException")]
    public async Task GetRuleAsync_ClientErrors_ThrownOnceWithCodeStatusAndRequestId(int status, string code)
    {
        using var server = new FakeAwsServer((_, _) => FakeAwsResponse.JsonError(status, code, "no"));

        var ex = await Assert.ThrowsAsync<AmazonServiceException>(() => Rules(server, maxRetries: 3).GetRuleAsync("a1B2c3D4e5F", CancellationToken.None));

        Assert.Equal(code, ex.ErrorCode);
        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal("req-" + code, ex.RequestId);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ListRulesAsync_TooManyRequestsThenOk_RetriedAndAnswered()
    {
        using var server = new FakeAwsServer((_, n) => n == 0
            ? FakeAwsResponse.JsonError(429, "TooManyRequestsException", "slow down")
            : FakeAwsResponse.Json("""{"Rules":[{"Identifier":"aaaaaaaaaaa"}]}"""));

        var page = await Rules(server, maxRetries: 3).ListRulesAsync(RetentionResourceType.Ec2Image, null, CancellationToken.None);

        Assert.Equal(["aaaaaaaaaaa"], page.Identifiers);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(server.Requests[0].Body, server.Requests[1].Body);
    }

    [Fact]
    public async Task ListRulesAsync_ServerErrorsPastTheRetryBudget_InternalServerException()
    {
        using var server = new FakeAwsServer((_, _) => FakeAwsResponse.JsonError(500, "InternalServerException", "broken"));

        var ex = await Assert.ThrowsAsync<AmazonServiceException>(() => Rules(server, maxRetries: 2).ListRulesAsync(RetentionResourceType.Ec2Image, null, CancellationToken.None));

        Assert.Equal("InternalServerException", ex.ErrorCode);
        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task ListRulesAsync_Cancelled_OperationCanceled()
    {
        using var server = new FakeAwsServer((_, _) => FakeAwsResponse.Json("""{"Rules":[]}""")) { Delay = TimeSpan.FromSeconds(10) };
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Rules(server).ListRulesAsync(RetentionResourceType.Ec2Image, null, cancel.Token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task GetRuleAsync_EmptyIdentifier_ArgumentException(string identifier)
    {
        using var server = new FakeAwsServer((_, _) => FakeAwsResponse.Json(FullRule));

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Rules(server).GetRuleAsync(identifier, CancellationToken.None));
        Assert.Empty(server.Requests);
    }

    private SignedAwsClient Client(FakeAwsServer server, int maxRetries = 2) =>
        new(_http, AwsService.RecycleBin, Region, server.Url, SignedTestSettings.Create(maxRetries));

    private SignedRecycleBinRules Rules(FakeAwsServer server, int maxRetries = 2) => new(Client(server, maxRetries));
}
