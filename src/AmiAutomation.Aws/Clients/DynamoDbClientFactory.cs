using AmiAutomation.Aws.Regions;
using Amazon;
using Amazon.DynamoDBv2;

namespace AmiAutomation.Aws.Clients;

/// <summary>Builds DynamoDB clients honouring <see cref="AwsClientOptions.DynamoDbEndpointUrl"/>.</summary>
public static class DynamoDbClientFactory
{
    /// <exception cref="InvalidRegionException"><paramref name="region"/> is not a region name.</exception>
    public static IAmazonDynamoDB Create(string region, AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = CreateConfig(region, options);
        return options.Credentials is { } credentials ? new AmazonDynamoDBClient(credentials, config) : new AmazonDynamoDBClient(config);
    }

    public static AmazonDynamoDBConfig CreateConfig(string region, AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RegionName.Validate(region);
        var config = new AmazonDynamoDBConfig
        {
            RetryMode = options.RetryMode,
            MaxErrorRetry = options.MaxErrorRetry,
            IgnoreConfiguredEndpointUrls = true,
        };
        if (options.Timeout is { } timeout)
        {
            config.Timeout = timeout;
        }

        if (options.DynamoDbEndpointUrl is { } endpoint)
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
