namespace AmiAutomation.Aws.Throttling;

/// <summary>A token bucket: up to <see cref="Capacity"/> requests at once, refilled at <see cref="RefillPerSecond"/>.</summary>
public sealed record TokenBucketLimit
{
    public TokenBucketLimit(int capacity, double refillPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        if (!(refillPerSecond > 0) || double.IsInfinity(refillPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(refillPerSecond), refillPerSecond, "Refill rate must be a positive, finite number of tokens per second.");
        }

        Capacity = capacity;
        RefillPerSecond = refillPerSecond;
    }

    public int Capacity { get; }

    public double RefillPerSecond { get; }
}
