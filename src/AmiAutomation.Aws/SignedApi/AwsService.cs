using Amazon;

namespace AmiAutomation.Aws.SignedApi;

/// <summary>
/// A service our signed client calls: its name for messages, SigV4 signing name, endpoint prefix and protocol.
/// Values from the botocore service models (metadata: serviceId, signingName/endpointPrefix, protocol).
/// </summary>
internal sealed record AwsService(string DisplayName, string SigningName, string EndpointPrefix, AwsProtocol Protocol)
{
    /// <summary>Auto Scaling: Query protocol, <c>autoscaling.{region}.amazonaws.com</c>.
    /// https://docs.aws.amazon.com/general/latest/gr/as.html</summary>
    public static readonly AwsService AutoScaling = new("Auto Scaling", "autoscaling", "autoscaling", AwsProtocol.Query);

    /// <summary>Recycle Bin rules: rest-json, signing name <c>rbin</c>, <c>rbin.{region}.amazonaws.com</c>.
    /// https://docs.aws.amazon.com/general/latest/gr/rbin.html</summary>
    public static readonly AwsService RecycleBin = new("Recycle Bin", "rbin", "rbin", AwsProtocol.RestJson);

    /// <summary>The region's public endpoint (partition DNS suffix from AWSSDK.Core: amazonaws.com, amazonaws.com.cn, …).</summary>
    public Uri RegionalEndpoint(string region)
    {
        var suffix = RegionEndpoint.GetBySystemName(region).PartitionDnsSuffix;
        return new Uri($"https://{EndpointPrefix}.{region}.{(string.IsNullOrEmpty(suffix) ? "amazonaws.com" : suffix)}");
    }
}
