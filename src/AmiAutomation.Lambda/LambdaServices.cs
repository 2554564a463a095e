using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Ledger;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Composition;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Lambda;

/// <summary>The only place the deployed functions meet real AWS: EC2 clients per region and the DynamoDB ledger.</summary>
internal static class LambdaServices
{
    public const string RegionVariable = "AWS_REGION";

    public static FunctionServices Create(IEnvironmentVariables environment, TimeProvider time)
    {
        var region = environment.Get(RegionVariable);
        if (string.IsNullOrWhiteSpace(region))
        {
            throw new ConfigurationException($"{RegionVariable} is not set (Lambda sets it; set it yourself for local runs)");
        }

        AwsClientOptions options;
        try
        {
            options = AwsClientOptions.FromEnvironment(environment.Get);
        }
        catch (InvalidEndpointUrlException ex)
        {
            throw new ConfigurationException(ex.Message, ex);
        }

        var table = environment.Get(CommonSettings.LedgerTableNameVariable);
        var dynamo = new Lazy<Amazon.DynamoDBv2.IAmazonDynamoDB>(() => DynamoDbClientFactory.Create(region, options));
        return new FunctionServices
        {
            Region = region,
            Ec2 = new Ec2ClientFactory(options),
            Apis = new SignedRegionalApiClients(options),
            Ledger = string.IsNullOrWhiteSpace(table)
                ? new UnconfiguredLedger()
                : new DeferredLedger(() => new DynamoDbDeregistrationLedger(dynamo.Value, table)),
            RunLease = string.IsNullOrWhiteSpace(table)
                ? new UnconfiguredRunLease()
                : new DeferredRunLease(() => new DynamoDbRunLease(dynamo.Value, table)),
            Time = time,
            Environment = environment,
        };
    }
}
