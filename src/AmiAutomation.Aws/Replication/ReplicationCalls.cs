using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Throttling;
using Amazon.EC2;

namespace AmiAutomation.Aws.Replication;

/// <summary>Sends one EC2 call through the region's client, paced by the region's rate limiter when there is one.</summary>
internal sealed class ReplicationCalls(IEc2ClientFactory clients, Ec2RateLimiterRegistry? limiters)
{
    public async Task<T> SendAsync<T>(
        string region, string action, Ec2ActionClass actionClass, Func<IAmazonEC2, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        if (limiters is not null)
        {
            await limiters.ForRegion(region).AcquireAsync(action, actionClass, cancellationToken);
        }

        return await call(clients.ForRegion(region), cancellationToken);
    }
}
