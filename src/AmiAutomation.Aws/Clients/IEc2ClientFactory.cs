using Amazon.EC2;

namespace AmiAutomation.Aws.Clients;

/// <summary>One EC2 client per region (CopyImage goes through the destination region's client).
/// Real AWS, moto/LocalStack through endpoint overrides, or the in-memory simulator.</summary>
public interface IEc2ClientFactory
{
    IAmazonEC2 ForRegion(string region);
}
