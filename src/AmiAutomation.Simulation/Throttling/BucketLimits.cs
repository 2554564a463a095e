namespace AmiAutomation.Simulation.Throttling;

/// <summary>The real bucket sizes and refill rates per group.</summary>
public static class BucketLimits
{
    public static (int Capacity, double RefillPerSecond) For(ThrottleBucket bucket) => bucket switch
    {
        ThrottleBucket.Describe => (100, 20),
        ThrottleBucket.UnfilteredDescribe => (50, 10),
        ThrottleBucket.Mutating => (50, 5),
        ThrottleBucket.CopyImage => (100, 1),
        ThrottleBucket.Tagging => (100, 10),
        ThrottleBucket.Destructive => (100, 5),
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "Unknown throttle bucket."),
    };
}
