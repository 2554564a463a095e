using AmiAutomation.Aws.Clients;
using Amazon.Runtime;

namespace AmiAutomation.Aws.SignedApi;

/// <summary>How every signed client of one <see cref="SignedRegionalApiClients"/> behaves.</summary>
internal sealed record SignedClientSettings
{
    /// <summary>Default per-attempt timeout when <see cref="AwsClientOptions.Timeout"/> is not set.</summary>
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Explicit credentials; null = the SDK's default chain (env → profile → container/IMDS).</summary>
    public AWSCredentials? Credentials { get; init; }

    public SignedRetryPolicy Retry { get; init; } = SignedRetryPolicy.Standard(5);

    public TimeSpan AttemptTimeout { get; init; } = DefaultAttemptTimeout;

    /// <summary>Signing time and the waits between retries.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public static SignedClientSettings From(AwsClientOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        return new SignedClientSettings
        {
            Credentials = options.Credentials,
            Retry = SignedRetryPolicy.Standard(Math.Max(0, options.MaxErrorRetry)),
            AttemptTimeout = options.Timeout is { } timeout && timeout > TimeSpan.Zero ? timeout : DefaultAttemptTimeout,
            Time = time,
        };
    }
}
