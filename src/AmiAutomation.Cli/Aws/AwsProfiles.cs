using AmiAutomation.Cli.Errors;
using AmiAutomation.Runtime.Configuration;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.RuntimeDependencies;
using Amazon.SSO;
using Amazon.SSOOIDC;

namespace AmiAutomation.Cli.Aws;

/// <summary>
/// Named profiles as the AWS CLI reads them (<c>~/.aws/credentials</c> and <c>~/.aws/config</c>, or the files named by
/// AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE): static keys, <c>role_arn</c> (STS), <c>sso_session</c> / <c>sso_*</c>
/// (IAM Identity Center), <c>credential_process</c>; and a profile's <c>region</c>.
/// </summary>
/// <remarks>
/// The SDK normally finds the SSO and SSO-OIDC clients by loading their assemblies through reflection, which a trimmed
/// or Native AOT build would cut. We register both with <see cref="GlobalRuntimeDependencyRegistry"/> instead (the SDK's
/// route for trimmed apps; both calls are unsigned, so anonymous clients in the SSO region are what the SDK would build).
/// STS (<c>role_arn</c> profiles) is not registered: the registry's context does not carry the source profile's
/// credentials, so the SDK's own loading of AWSSDK.SecurityToken is kept (the CLI is not trimmed or AOT-published).
/// </remarks>
public static class AwsProfiles
{
    public const string ProfileVariable = "AWS_PROFILE";
    public const string CredentialsFileVariable = "AWS_SHARED_CREDENTIALS_FILE";
    public const string DefaultProfile = "default";

    private static readonly Lazy<bool> Registered = new(Register);

    /// <summary>The profile asked for (AWS_PROFILE, which <c>--profile</c> sets for the run), or null.</summary>
    public static string? Named(IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var name = environment.Get(ProfileVariable);
        return string.IsNullOrWhiteSpace(name) ? null : name.Trim();
    }

    /// <summary>The region of the named profile, else of <c>default</c>; null when neither has one.</summary>
    public static string? Region(IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Find(environment, Named(environment) ?? DefaultProfile)?.Region?.SystemName;
    }

    /// <summary>The named profile's credentials, resolved now so an expired SSO login or a bad profile is reported
    /// before any call (exit code 3).</summary>
    /// <exception cref="AwsAccessException">No such profile, or its credentials cannot be had.</exception>
    public static AWSCredentials Credentials(IEnvironmentVariables environment, string profile)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _ = Registered.Value;
        var chain = Store(environment);
        if (!chain.TryGetProfile(profile, out var found))
        {
            throw new AwsAccessException(
                $"The profile '{profile}' is not in {Where(environment)}: run 'aws configure --profile {profile}' or "
                + $"'aws configure sso --profile {profile}', or pick another with --profile / {ProfileVariable}.");
        }

        if (!chain.TryGetAWSCredentials(profile, out var credentials))
        {
            throw new AwsAccessException($"The profile '{profile}' has no usable credentials (keys, role_arn, sso_* or credential_process).");
        }

        try
        {
            _ = credentials.GetCredentials();
        }
        catch (Exception ex) when (ex is AmazonClientException or AmazonServiceException or InvalidOperationException)
        {
            var sso = found.Options.SsoSession is not null || found.Options.SsoStartUrl is not null;
            throw new AwsAccessException(
                $"The profile '{profile}' gave no credentials"
                + (sso ? $" (an IAM Identity Center profile: run 'aws sso login --profile {profile}' first)" : string.Empty)
                + $": {AwsAccess.Collapse(ex.Message)}",
                ex);
        }

        return credentials;
    }

    private static CredentialProfile? Find(IEnvironmentVariables environment, string profile) =>
        Store(environment).TryGetProfile(profile, out var found) ? found : null;

    // The credentials file can be moved per run (the tests do); the config file is AWS_CONFIG_FILE of the process,
    // read by the SDK itself.
    private static CredentialProfileStoreChain Store(IEnvironmentVariables environment) =>
        environment.Get(CredentialsFileVariable) is { Length: > 0 } path ? new CredentialProfileStoreChain(path) : new CredentialProfileStoreChain();

    private static string Where(IEnvironmentVariables environment) =>
        environment.Get(CredentialsFileVariable) is { Length: > 0 } path
            ? $"{path} or the AWS config file"
            : "~/.aws/credentials or ~/.aws/config";

    private static bool Register()
    {
        var registry = GlobalRuntimeDependencyRegistry.Instance;
        registry.RegisterSSOClient(context => new AmazonSSOClient(
            new AnonymousAWSCredentials(),
            new AmazonSSOConfig { RegionEndpoint = context.SSOClientContextData.Region }));
        registry.RegisterSSOOIDCClient(context => new AmazonSSOOIDCClient(
            new AnonymousAWSCredentials(),
            new AmazonSSOOIDCConfig { RegionEndpoint = context.SSOOIDCClientContextData.Region }));
        return true;
    }
}
