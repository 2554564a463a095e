using System.Net;
using Amazon.Runtime;

namespace AmiAutomation.Aws.SignedApi;

/// <summary>
/// When and how long the signed client waits before trying again: throttling codes, HTTP 429 and 5xx, timeouts and
/// network failures are retried up to <see cref="MaxRetries"/> times with capped exponential backoff and full jitter
/// (delay = random(0, min(MaxDelay, BaseDelay·2^retry))), as the SDKs' standard mode does.
/// https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
/// </summary>
internal sealed record SignedRetryPolicy(int MaxRetries, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>The throttling codes of EC2 (RequestLimitExceeded), Query services (Throttling) and JSON services.</summary>
    public static readonly IReadOnlySet<string> ThrottlingCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "Throttling",
        "ThrottlingException",
        "RequestLimitExceeded",
        "TooManyRequestsException",
    };

    /// <summary><paramref name="maxRetries"/> retries, 1 s base, 20 s cap (the SDKs' MAX_BACKOFF).</summary>
    public static SignedRetryPolicy Standard(int maxRetries) => new(maxRetries, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));

    public bool IsRetryable(AmazonServiceException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = (int)exception.StatusCode;
        return (exception.ErrorCode is { } code && (ThrottlingCodes.Contains(code)
                || code is SignedApiErrorCodes.RequestTimeout or SignedApiErrorCodes.RequestFailed))
            || exception.StatusCode == HttpStatusCode.TooManyRequests
            || status >= 500;
    }

    /// <summary>The pause before retry number <paramref name="retry"/> (0-based).</summary>
    public TimeSpan Backoff(int retry, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30)));
        return TimeSpan.FromMilliseconds(random.NextDouble() * ceiling);
    }
}
