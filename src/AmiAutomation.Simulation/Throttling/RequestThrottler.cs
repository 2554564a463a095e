namespace AmiAutomation.Simulation.Throttling;

/// <summary>One bucket per (region, action, group); thread safe.</summary>
internal sealed class RequestThrottler
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Region, string Action, ThrottleBucket Bucket), TokenBucket> _buckets = [];

    public bool TryAcquire(string region, string action, ThrottleBucket bucket, DateTimeOffset now)
    {
        lock (_gate)
        {
            var key = (region, action, bucket);
            if (!_buckets.TryGetValue(key, out var tokens))
            {
                var (capacity, refill) = BucketLimits.For(bucket);
                tokens = new TokenBucket(capacity, refill, now);
                _buckets[key] = tokens;
            }

            return tokens.TryTake(now);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _buckets.Clear();
        }
    }
}
