namespace AmiAutomation.Aws.Clients;

/// <summary>The environment variables the AWS clients honour (read through the caller's environment seam).</summary>
public static class AwsEnvironmentVariableNames
{
    /// <summary>Endpoint for every AWS service (moto_server, LocalStack); overridden by the service-specific ones.</summary>
    public const string EndpointUrl = "AWS_ENDPOINT_URL";

    /// <summary>Endpoint for EC2 only; wins over <see cref="EndpointUrl"/>.</summary>
    public const string Ec2EndpointUrl = "AWS_ENDPOINT_URL_EC2";

    /// <summary>Endpoint for DynamoDB only; wins over <see cref="EndpointUrl"/>.</summary>
    public const string DynamoDbEndpointUrl = "AWS_ENDPOINT_URL_DYNAMODB";
}
