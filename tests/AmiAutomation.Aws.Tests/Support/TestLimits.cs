using AmiAutomation.Aws.Throttling;

namespace AmiAutomation.Aws.Tests.Support;

internal static class TestLimits
{
    /// <summary>Buckets so large no test ever waits on the real clock.</summary>
    public static Ec2RateLimits Unlimited { get; } = new(Enum.GetValues<Ec2ActionClass>()
        .ToDictionary(c => c, _ => new TokenBucketLimit(1_000_000, 1_000_000)));

    public static Ec2RateLimiterRegistry Registry() => new(TimeProvider.System, Unlimited);
}
