using System.Collections.Concurrent;
using AmiAutomation.Aws.Regions;

namespace AmiAutomation.Aws.Throttling;

/// <summary>One <see cref="Ec2RateLimiter"/> per region (EC2 throttles per account and region). Share one registry per process.</summary>
public sealed class Ec2RateLimiterRegistry
{
    private readonly TimeProvider _time;
    private readonly Ec2RateLimits _limits;
    private readonly ConcurrentDictionary<string, Ec2RateLimiter> _limiters = new(StringComparer.Ordinal);

    public Ec2RateLimiterRegistry(TimeProvider time, Ec2RateLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _limits = limits ?? Ec2RateLimits.Default;
    }

    /// <exception cref="InvalidRegionException"><paramref name="region"/> is not a region name.</exception>
    public Ec2RateLimiter ForRegion(string region)
    {
        RegionName.Validate(region);
        return _limiters.GetOrAdd(region, _ => new Ec2RateLimiter(_time, _limits));
    }
}
