using AmiAutomation.Aws.Clients;
using AmiAutomation.Cli.Errors;
using AmiAutomation.Runtime.Configuration;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace AmiAutomation.Cli.Aws;

/// <summary>
/// How the CLI reaches a real account, in the AWS CLI's order: regions from <c>--region</c>, AWS_REGION,
/// AWS_DEFAULT_REGION, then the profile's <c>region</c>; endpoint overrides (<c>--endpoint-url</c>, AWS_ENDPOINT_URL_EC2,
/// AWS_ENDPOINT_URL: moto, LocalStack) through the AWS project's client options; credentials from the environment's
/// keys, the profile (<c>--profile</c> / AWS_PROFILE, SSO included), else the SDK's chain, resolved up front so a
/// missing one is reported as such (exit code 3).
/// </summary>
public static class AwsAccess
{
    public const string RegionVariable = "AWS_REGION";
    public const string DefaultRegionVariable = "AWS_DEFAULT_REGION";
    public const string AccessKeyVariable = "AWS_ACCESS_KEY_ID";
    public const string SecretKeyVariable = "AWS_SECRET_ACCESS_KEY";
    public const string SessionTokenVariable = "AWS_SESSION_TOKEN";

    /// <summary>The SDKs' standard variable: total attempts per call (1 = no retries). Default: the product's 6.</summary>
    public const string MaxAttemptsVariable = "AWS_MAX_ATTEMPTS";

    /// <summary>The client options without credentials: endpoint overrides and attempts from <paramref name="environment"/>.</summary>
    /// <exception cref="AwsAccessException">An endpoint override is not a URL, or AWS_MAX_ATTEMPTS is not a number.</exception>
    public static AwsClientOptions ClientOptions(IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        AwsClientOptions options;
        try
        {
            options = AwsClientOptions.FromEnvironment(environment.Get);
        }
        catch (InvalidEndpointUrlException ex)
        {
            throw new AwsAccessException(ex.Message, ex);
        }

        var attempts = environment.Get(MaxAttemptsVariable);
        if (attempts is not null)
        {
            if (!int.TryParse(attempts, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var count) || count is < 1 or > 20)
            {
                throw new AwsAccessException($"{MaxAttemptsVariable}='{attempts}' is not a number of attempts from 1 to 20.");
            }

            options = options with { MaxErrorRetry = count - 1 };
        }

        return options;
    }

    /// <summary>Adds the credentials: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY(/AWS_SESSION_TOKEN) from
    /// <paramref name="environment"/>, else the profile AWS_PROFILE names (<c>--profile</c> sets it and clears the keys
    /// for the run, so the flag wins as in the AWS CLI), else the SDK's default chain (default profile, container or
    /// instance role).</summary>
    /// <exception cref="AwsAccessException">No credentials could be found.</exception>
    public static AwsClientOptions WithCredentials(AwsClientOptions options, IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        return options with { Credentials = Credentials(environment) };
    }

    /// <summary>The regions asked for, else AWS_REGION, else AWS_DEFAULT_REGION, else the profile's region (AWS_PROFILE,
    /// else <c>default</c>); each checked against the known partitions unless an endpoint override is set (emulators
    /// accept any well-formed name).</summary>
    /// <exception cref="CliUsageException">No region anywhere, or an unknown one.</exception>
    public static IReadOnlyList<string> Regions(IReadOnlyList<string> requested, IEnvironmentVariables environment, bool endpointOverride)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(environment);
        var regions = requested.Count > 0
            ? requested.Distinct(StringComparer.Ordinal).ToList()
            : [Blank(environment.Get(RegionVariable)) ?? Blank(environment.Get(DefaultRegionVariable)) ?? AwsProfiles.Region(environment)
                ?? throw new CliUsageException(
                    $"No region: pass --region (e.g. --region us-east-1), set {RegionVariable}, or give the profile a region (aws configure set region us-east-1).")];
        if (!endpointOverride)
        {
            var known = RegionEndpoint.EnumerableAllRegions.Select(r => r.SystemName).ToHashSet(StringComparer.Ordinal);
            foreach (var region in regions.Where(r => !known.Contains(r)))
            {
                throw new CliUsageException(
                    $"Unknown region '{region}': it is not one of the {known.Count} regions this SDK knows (e.g. us-east-1, eu-west-1).");
            }
        }

        return regions;
    }

    private static AWSCredentials Credentials(IEnvironmentVariables environment)
    {
        var accessKey = Blank(environment.Get(AccessKeyVariable));
        var secretKey = Blank(environment.Get(SecretKeyVariable));
        if (accessKey is not null && secretKey is not null)
        {
            return Blank(environment.Get(SessionTokenVariable)) is { } token
                ? new SessionAWSCredentials(accessKey, secretKey, token)
                : new BasicAWSCredentials(accessKey, secretKey);
        }

        if (accessKey is not null || secretKey is not null)
        {
            throw new AwsAccessException(
                $"Incomplete AWS credentials: {(accessKey is null ? AccessKeyVariable : SecretKeyVariable)} is not set but "
                + $"{(accessKey is null ? SecretKeyVariable : AccessKeyVariable)} is.");
        }

        if (AwsProfiles.Named(environment) is { } profile)
        {
            return AwsProfiles.Credentials(environment, profile);
        }

        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }
        catch (AmazonClientException ex)
        {
            throw new AwsAccessException(
                "No AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE (aws configure / "
                + $"aws sso login), or run where an instance or task role is available. ({Collapse(ex.Message)})",
                ex);
        }
    }

    internal static string Collapse(string message)
    {
        var text = string.Join(' ', message.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return text.Length <= 400 ? text : text[..399] + "…";
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
