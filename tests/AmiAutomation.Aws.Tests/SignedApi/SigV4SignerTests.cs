using System.Text;
using AmiAutomation.Aws.SignedApi;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Tests.SignedApi;

public sealed class SigV4SignerTests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset At = new(2026, 12, 6, 15, 4, 5, TimeSpan.Zero);

    public static TheoryData<string, string, string, string?, string, string?> Requests() => new()
    {
        // method, URL (as our client builds it), body, content type, service, session token
        { "GET", "https://rbin.eu-west-1.amazonaws.com/rules/a1B2c3D4e5F", "", null, "rbin", null },
        { "POST", "https://autoscaling.us-east-1.amazonaws.com/", "Action=DescribeLaunchConfigurations&MaxRecords=100&NextToken=a%2Bb%2Fc%3D%3D&Version=2011-01-01", "application/x-www-form-urlencoded; charset=utf-8", "autoscaling", null },
        { "GET", "http://127.0.0.1:5000/" + Query(("Name", "a b/c"), ("Tag:Key", "ü=€&+*"), ("b", "2"), ("B", "1"), ("a", ""), ("a", "~x")), "", null, "autoscaling", null },
        { "POST", "https://rbin.us-west-2.amazonaws.com/list-rules", """{"ResourceType":"EC2_IMAGE","MaxResults":1000,"NextToken":"abc+/=="}""", "application/json", "rbin", "FwoGZXIvYXdzEJr//////////wEaDH+token/with=chars" },
        { "GET", "http://localhost:4566/base/rules/with%20space%2Fslash", "", null, "rbin", "short-token" },
        { "PATCH", "https://rbin.ap-southeast-2.amazonaws.com/rules/abc/lock", """{"LockConfiguration":{"UnlockDelay":{"UnlockDelayValue":7,"UnlockDelayUnit":"DAYS"}}}""", "application/json", "rbin", null },
    };

    [Fact]
    public void Sign_AwsGetVanillaVector_MatchesThePublishedSignature()
    {
        // AWS SigV4 test suite, get-vanilla (botocore tests/unit/auth/aws4_testsuite/get-vanilla/get-vanilla.authz):
        // GET / on example.amazonaws.com at 20150830T123600Z, us-east-1, service "service".
        var signature = SigV4Signer.Sign(
            HttpMethod.Get, new Uri("https://example.amazonaws.com/"), [], [], new ImmutableCredentials(AccessKey, SecretKey, null),
            "us-east-1", "service", new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero));

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, "
            + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            signature.Authorization);
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void Sign_SameRequestAsBotocore_SameAuthorizationHeader(string method, string url, string body, string? contentType, string service, string? token)
    {
        var uri = new Uri(url);
        var bytes = Encoding.UTF8.GetBytes(body);
        var headers = contentType is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Content-Type"] = contentType };
        var region = uri.Host.Split('.') is [_, var r, ..] && r.Contains('-', StringComparison.Ordinal) ? r : "eu-central-1";

        var ours = SigV4Signer.Sign(new HttpMethod(method), uri, headers, bytes, new ImmutableCredentials(AccessKey, SecretKey, token), region, service, At);
        var botocore = BotocoreSigner.Authorization(method, uri, headers, bytes, AccessKey, SecretKey, token, region, service, ours.AmzDate);

        Assert.Equal("20261206T150405Z", ours.AmzDate);
        Assert.Equal(botocore, ours.Authorization);
    }

    [Fact]
    public void Sign_SessionCredentials_SignsAndReturnsTheToken()
    {
        var signature = SigV4Signer.Sign(
            HttpMethod.Get, new Uri("https://rbin.eu-west-1.amazonaws.com/rules/x"), [], [], new ImmutableCredentials(AccessKey, SecretKey, "tok en"),
            "eu-west-1", "rbin", At);

        Assert.Equal("tok en", signature.SecurityToken);
        Assert.Contains("SignedHeaders=host;x-amz-date;x-amz-security-token,", signature.Authorization, StringComparison.Ordinal);
        Assert.Contains("\nx-amz-security-token:tok en\n", signature.CanonicalRequest, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_LongTermCredentials_NoToken()
    {
        var signature = SigV4Signer.Sign(
            HttpMethod.Get, new Uri("https://rbin.eu-west-1.amazonaws.com/rules/x"), [], [], new ImmutableCredentials(AccessKey, SecretKey, null),
            "eu-west-1", "rbin", At);

        Assert.Null(signature.SecurityToken);
        Assert.DoesNotContain("security-token", signature.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_NonDefaultPort_HostHeaderKeepsThePort()
    {
        var signature = SigV4Signer.Sign(
            HttpMethod.Get, new Uri("http://127.0.0.1:5000/"), [], [], new ImmutableCredentials(AccessKey, SecretKey, null), "eu-west-1", "rbin", At);

        Assert.Contains("\nhost:127.0.0.1:5000\n", signature.CanonicalRequest, StringComparison.Ordinal);
    }

    private static string Query(params (string Key, string Value)[] parameters) =>
        "?" + AwsUriEncoding.FormEncode(parameters.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)));
}
