using AmiAutomation.Aws.Regions;
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
        return AwsClientConfigs.Configure(new AmazonDynamoDBConfig(), region, options, options.DynamoDbEndpointUrl);
    }
}
