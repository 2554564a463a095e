using System.Net;
using AmiAutomation.Aws.AutoScaling;
using AmiAutomation.Aws.SignedApi;
using AmiAutomation.Aws.Tests.SignedApi;
using AmiAutomation.Aws.Tests.Support;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Tests.AutoScaling;

public sealed class SignedAutoScalingClientTests : IDisposable
{
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task DescribeLaunchConfigurationsAsync_SendsASignedQueryPost()
    {
        using var server = new FakeAwsServer((_, _) => new FakeAwsResponse(200, Page("<member><LaunchConfigurationName>a</LaunchConfigurationName><ImageId>ami-1</ImageId></member>", "next"), "text/xml"));

        var page = await Client(server).DescribeLaunchConfigurationsAsync("tok/+=", 100, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.RawUrl);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.Header("Content-Type"));
        Assert.Equal("Action=DescribeLaunchConfigurations&MaxRecords=100&NextToken=tok%2F%2B%3D&Version=2011-01-01", request.Body);
        Assert.Matches(@"^\d{8}/eu-west-1/autoscaling/aws4_request$", request.CredentialScope);
        Assert.Equal([new LaunchConfigurationInfo("a", "ami-1")], page.LaunchConfigurations);
        Assert.Equal("next", page.NextToken);
    }

    [Theory]
    [InlineData("{\"not\":\"xml\"}")]
    [InlineData("<DescribeLaunchConfigurationsResponse><ResponseMetadata/></DescribeLaunchConfigurationsResponse>")]
    [InlineData("<DescribeLaunchConfigurationsResponse><DescribeLaunchConfigurationsResult><LaunchConfigurations><member><ImageId>ami-1</ImageId>")]
    public async Task DescribeLaunchConfigurationsAsync_UnreadableAnswer_MalformedResponseNamingTheOperation(string body)
    {
        using var server = new FakeAwsServer((_, _) => new FakeAwsResponse(200, body, "text/xml"));

        var ex = await Assert.ThrowsAsync<AmazonServiceException>(() => Client(server).DescribeLaunchConfigurationsAsync(null, 50, CancellationToken.None));

        Assert.Equal(SignedApiErrorCodes.MalformedResponse, ex.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.StartsWith("Auto Scaling DescribeLaunchConfigurations: the answer could not be read", ex.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-5)]
    public async Task DescribeLaunchConfigurationsAsync_MaxRecordsOutside1To100_ArgumentOutOfRangeAndNothingSent(int maxRecords)
    {
        using var server = new FakeAwsServer((_, _) => new FakeAwsResponse(200, Page(string.Empty, null), "text/xml"));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client(server).DescribeLaunchConfigurationsAsync(null, maxRecords, CancellationToken.None));

        Assert.Empty(server.Requests);
    }

    private SignedAutoScalingClient Client(FakeAwsServer server) =>
        new(new SignedAwsClient(_http, AwsService.AutoScaling, "eu-west-1", server.Url, SignedTestSettings.Create()));

    private static string Page(string members, string? nextToken) =>
        "<DescribeLaunchConfigurationsResponse xmlns=\"http://autoscaling.amazonaws.com/doc/2011-01-01/\"><DescribeLaunchConfigurationsResult>"
        + $"<LaunchConfigurations>{members}</LaunchConfigurations>{(nextToken is null ? string.Empty : $"<NextToken>{nextToken}</NextToken>")}"
        + "</DescribeLaunchConfigurationsResult></DescribeLaunchConfigurationsResponse>";
}
