namespace AmiAutomation.Aws.Throttling;

/// <summary>Bucket sizes per <see cref="Ec2ActionClass"/>. <see cref="Documented"/> = EC2's published defaults.</summary>
public sealed class Ec2RateLimits
{
    private readonly Dictionary<Ec2ActionClass, TokenBucketLimit> _limits;

    public Ec2RateLimits(IReadOnlyDictionary<Ec2ActionClass, TokenBucketLimit> limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = new Dictionary<Ec2ActionClass, TokenBucketLimit>(limits);
        foreach (var actionClass in Enum.GetValues<Ec2ActionClass>())
        {
            if (!_limits.ContainsKey(actionClass))
            {
                throw new ArgumentException($"No token bucket limit given for EC2 action class {actionClass}.", nameof(limits));
            }
        }
    }

    /// <summary>EC2's documented defaults per account and region (https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html).</summary>
    public static Ec2RateLimits Documented { get; } = new(new Dictionary<Ec2ActionClass, TokenBucketLimit>
    {
        [Ec2ActionClass.Describe] = new(100, 20),
        [Ec2ActionClass.UnfilteredDescribe] = new(50, 10),
        [Ec2ActionClass.Mutate] = new(50, 5),
        [Ec2ActionClass.CopyImage] = new(100, 1),
        [Ec2ActionClass.Tagging] = new(100, 10),
        [Ec2ActionClass.Deregister] = new(100, 5),
    });

    /// <summary>
    /// What the product uses unless told otherwise: 95 % of <see cref="Documented"/>. Our bucket starts refilling at the
    /// first acquire, EC2's at the first call's arrival a few milliseconds later; running exactly at EC2's rate leaves no
    /// room for that gap (a benchmark saw one RequestLimitExceeded in 1,000 calls at 100 %), nor for other callers.
    /// </summary>
    public static Ec2RateLimits Default { get; } = Documented.Scaled(0.95);

    public TokenBucketLimit For(Ec2ActionClass actionClass) => _limits[actionClass];

    /// <summary>
    /// A share of every bucket (e.g. 0.5 when other tools use the same account): capacity and refill both scaled,
    /// capacity at least 1.
    /// </summary>
    public Ec2RateLimits Scaled(double fraction)
    {
        if (!(fraction > 0) || fraction > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The share of EC2's rate limits must be in (0, 1].");
        }

        return new Ec2RateLimits(_limits.ToDictionary(
            kv => kv.Key,
            kv => new TokenBucketLimit(Math.Max(1, (int)Math.Floor(kv.Value.Capacity * fraction)), kv.Value.RefillPerSecond * fraction)));
    }
}
