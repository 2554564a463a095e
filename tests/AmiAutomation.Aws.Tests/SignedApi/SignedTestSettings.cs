using AmiAutomation.Aws.SignedApi;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Tests.SignedApi;

/// <summary>Signed-client settings for tests: fixed test credentials, millisecond backoff, a short attempt timeout.</summary>
internal static class SignedTestSettings
{
    public const string AccessKey = "AKIDTEST";

    public static SignedClientSettings Create(int maxRetries = 2, TimeSpan? attemptTimeout = null, AWSCredentials? credentials = null, TimeSpan? baseDelay = null) => new()
    {
        Credentials = credentials ?? new BasicAWSCredentials(AccessKey, "test-secret"),
        Retry = new SignedRetryPolicy(maxRetries, baseDelay ?? TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(20)),
        AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10),
    };
}
