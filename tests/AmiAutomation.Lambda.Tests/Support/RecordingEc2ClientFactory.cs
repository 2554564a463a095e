using AmiAutomation.Aws.Clients;
using Amazon.EC2;

namespace AmiAutomation.Lambda.Tests.Support;

/// <summary>The simulator's clients, each behind an <see cref="ImpliedPermissionProxy"/> writing to one log.</summary>
internal sealed class RecordingEc2ClientFactory(IEc2ClientFactory inner, PermissionLog log) : IEc2ClientFactory
{
    private readonly Dictionary<string, IAmazonEC2> _clients = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public IAmazonEC2 ForRegion(string region)
    {
        lock (_gate)
        {
            if (!_clients.TryGetValue(region, out var client))
            {
                client = ImpliedPermissionProxy.Wrap(inner.ForRegion(region), log);
                _clients[region] = client;
            }

            return client;
        }
    }
}
