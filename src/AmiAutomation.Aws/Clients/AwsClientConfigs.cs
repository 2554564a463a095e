using AmiAutomation.Aws.Regions;
using Amazon;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Clients;

/// <summary>
/// Applies <see cref="AwsClientOptions"/> to any service's client configuration: retries, timeout, and either the
/// region's real endpoint or an override URL signed for the region (<c>AuthenticationRegion</c>).
/// </summary>
internal static class AwsClientConfigs
{
    /// <exception cref="InvalidRegionException"><paramref name="region"/> is not a region name.</exception>
    public static TConfig Configure<TConfig>(TConfig config, string region, AwsClientOptions options, Uri? endpointUrl)
        where TConfig : ClientConfig
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        RegionName.Validate(region);
        config.RetryMode = options.RetryMode;
        config.MaxErrorRetry = options.MaxErrorRetry;
        config.IgnoreConfiguredEndpointUrls = true;
        if (options.Timeout is { } timeout)
        {
            config.Timeout = timeout;
        }

        if (endpointUrl is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return config;
    }
}
