using AmiAutomation.Aws.Clients;
using AmiAutomation.Lambda.Tests.Iam.Recording;
using AmiAutomation.Simulation;
using Amazon.EC2;

namespace AmiAutomation.Lambda.Tests.Support;

/// <summary>The simulator's clients, each behind an <see cref="AuthorizationRecordingProxy"/> writing to one log.</summary>
internal sealed class RecordingEc2ClientFactory(Ec2Simulator simulator, PermissionLog log) : IEc2ClientFactory
{
    private readonly Dictionary<string, IAmazonEC2> _clients = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public IAmazonEC2 ForRegion(string region)
    {
        lock (_gate)
        {
            if (!_clients.TryGetValue(region, out var client))
            {
                client = AuthorizationRecordingProxy.Wrap(simulator.ClientFactory.ForRegion(region), log, new AuthorizationScope(simulator, region));
                _clients[region] = client;
            }

            return client;
        }
    }
}
