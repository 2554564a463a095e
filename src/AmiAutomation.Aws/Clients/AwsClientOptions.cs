using Amazon.Runtime;

namespace AmiAutomation.Aws.Clients;

/// <summary>
/// How AWS clients are built. Defaults: real AWS endpoints, Standard retry mode, 5 retries
/// (6 attempts: long sweeps ride out short RequestLimitExceeded bursts), default credential chain.
/// </summary>
public sealed record AwsClientOptions
{
    /// <summary>EC2 endpoint override (moto, LocalStack); null = the region's real endpoint.</summary>
    public Uri? Ec2EndpointUrl { get; init; }

    /// <summary>DynamoDB endpoint override; null = the region's real endpoint.</summary>
    public Uri? DynamoDbEndpointUrl { get; init; }

    /// <summary>Auto Scaling endpoint override (moto); null = the region's real endpoint.</summary>
    public Uri? AutoScalingEndpointUrl { get; init; }

    /// <summary>Recycle Bin rule API (<c>rbin</c>) endpoint override; null = the region's real endpoint.</summary>
    public Uri? RecycleBinEndpointUrl { get; init; }

    /// <summary>SDK retry mode. Default <see cref="RequestRetryMode.Standard"/>.</summary>
    public RequestRetryMode RetryMode { get; init; } = RequestRetryMode.Standard;

    /// <summary>Retries after the first attempt (the SDK clients and our signed client). Default 5.</summary>
    public int MaxErrorRetry { get; init; } = 5;

    /// <summary>Per-request timeout; null = SDK default (our signed client: 30 s per attempt).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Explicit credentials (tests: <c>new BasicAWSCredentials("test", "test")</c>); null = default chain.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>
    /// Reads endpoint overrides: <c>AWS_ENDPOINT_URL_EC2</c> then <c>AWS_ENDPOINT_URL</c> for EC2,
    /// <c>AWS_ENDPOINT_URL_DYNAMODB</c> then <c>AWS_ENDPOINT_URL</c> for DynamoDB, likewise
    /// <c>AWS_ENDPOINT_URL_AUTO_SCALING</c> and <c>AWS_ENDPOINT_URL_RBIN</c>. Empty values count as unset.
    /// </summary>
    /// <exception cref="InvalidEndpointUrlException">A set value is not an absolute http(s) URL.</exception>
    public static AwsClientOptions FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        return new AwsClientOptions
        {
            Ec2EndpointUrl = Endpoint(getVariable, AwsEnvironmentVariableNames.Ec2EndpointUrl),
            DynamoDbEndpointUrl = Endpoint(getVariable, AwsEnvironmentVariableNames.DynamoDbEndpointUrl),
            AutoScalingEndpointUrl = Endpoint(getVariable, AwsEnvironmentVariableNames.AutoScalingEndpointUrl),
            RecycleBinEndpointUrl = Endpoint(getVariable, AwsEnvironmentVariableNames.RecycleBinEndpointUrl),
        };
    }

    /// <summary>Parses an endpoint value, naming <paramref name="source"/> in the error.</summary>
    public static Uri ParseEndpoint(string source, string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidEndpointUrlException(source, value);

    private static Uri? Endpoint(Func<string, string?> getVariable, string serviceVariable)
    {
        var specific = getVariable(serviceVariable);
        if (!string.IsNullOrWhiteSpace(specific))
        {
            return ParseEndpoint(serviceVariable, specific.Trim());
        }

        var general = getVariable(AwsEnvironmentVariableNames.EndpointUrl);
        return string.IsNullOrWhiteSpace(general) ? null : ParseEndpoint(AwsEnvironmentVariableNames.EndpointUrl, general.Trim());
    }
}
