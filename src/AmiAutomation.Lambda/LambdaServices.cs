using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Ledger;
using AmiAutomation.Aws.Regions;
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

        // Checked here, at init, so a bad value fails start-up once (Runtime.InvalidConfiguration) instead of every
        // invocation later. Exact match: no trimming or case folding, which the SDK's endpoint resolution would not do.
        if (!RegionName.IsValid(region))
        {
            throw new ConfigurationException(
                $"{RegionVariable}='{Quote.Cap(region)}' is not an AWS region name (lower-case, e.g. eu-west-1, with no spaces)");
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
