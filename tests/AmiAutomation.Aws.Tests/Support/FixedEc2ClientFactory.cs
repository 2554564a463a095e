using AmiAutomation.Aws.Clients;
using Amazon.EC2;

namespace AmiAutomation.Aws.Tests.Support;

/// <summary>Hands out one client for every region and records which regions were asked for.</summary>
internal sealed class FixedEc2ClientFactory(IAmazonEC2 client) : IEc2ClientFactory
{
    public List<string> Regions { get; } = [];

    public IAmazonEC2 ForRegion(string region)
    {
        Regions.Add(region);
        return client;
    }
}
