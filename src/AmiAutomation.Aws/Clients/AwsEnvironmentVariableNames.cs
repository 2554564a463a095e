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

    // The AWS SDKs' service-specific names: AWS_ENDPOINT_URL_ + the model's serviceId upper-cased, spaces as underscores.
    // https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html

    /// <summary>Endpoint for Auto Scaling only (serviceId "Auto Scaling"); wins over <see cref="EndpointUrl"/>.</summary>
    public const string AutoScalingEndpointUrl = "AWS_ENDPOINT_URL_AUTO_SCALING";

    /// <summary>Endpoint for the Recycle Bin rule API only (serviceId "rbin"); wins over <see cref="EndpointUrl"/>.</summary>
    public const string RecycleBinEndpointUrl = "AWS_ENDPOINT_URL_RBIN";
}
