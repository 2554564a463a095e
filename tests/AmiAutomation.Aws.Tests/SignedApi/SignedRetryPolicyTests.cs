using System.Net;
using AmiAutomation.Aws.SignedApi;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Tests.SignedApi;

public sealed class SignedRetryPolicyTests
{
    private readonly SignedRetryPolicy _policy = SignedRetryPolicy.Standard(5);

    [Theory]
    [InlineData("Throttling", 400, true)]
    [InlineData("ThrottlingException", 400, true)]
    [InlineData("RequestLimitExceeded", 503, true)]
    [InlineData("TooManyRequestsException", 429, true)]
    [InlineData(null, 429, true)]
    [InlineData(null, 500, true)]
    [InlineData("InternalServerException", 500, true)]
    [InlineData("RequestTimeout", 0, true)]
    [InlineData("RequestFailed", 0, true)]
    [InlineData("ValidationException", 400, false)]
    [InlineData("AccessDeniedException", 403, false)]
    [InlineData("MalformedResponse", 200, false)]
    [InlineData("CredentialsUnavailable", 0, false)]
    public void IsRetryable_ByCodeAndStatus(string? code, int status, bool expected)
    {
        var ex = new AmazonServiceException("m", null, ErrorType.Unknown, code, null, (HttpStatusCode)status);

        Assert.Equal(expected, _policy.IsRetryable(ex));
    }

    [Fact]
    public void Backoff_GrowsExponentiallyUpToTheCap()
    {
        var top = new FixedRandom(0.999999);

        Assert.InRange(_policy.Backoff(0, top).TotalSeconds, 0.99, 1.0);
        Assert.InRange(_policy.Backoff(3, top).TotalSeconds, 7.99, 8.0);
        Assert.InRange(_policy.Backoff(5, top).TotalSeconds, 19.99, 20.0);
        Assert.InRange(_policy.Backoff(1000, top).TotalSeconds, 19.99, 20.0);
    }

    [Fact]
    public void Backoff_IsJittered()
    {
        var random = new Random(42);

        var delays = Enumerable.Range(0, 50).Select(_ => _policy.Backoff(4, random)).Distinct().ToList();

        Assert.True(delays.Count > 40);
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(16)));
    }

    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }
}
