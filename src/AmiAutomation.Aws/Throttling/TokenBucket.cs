namespace AmiAutomation.Aws.Throttling;

/// <summary>
/// A token bucket on an injected clock. Starts full. A caller takes a token at once (the count may go negative:
/// a reservation) and waits until the refill has paid it back, so waiters are served in arrival order.
/// </summary>
internal sealed class TokenBucket
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TokenBucketLimit _limit;
    private double _tokens;
    private long _stamp;

    public TokenBucket(TimeProvider time, TokenBucketLimit limit)
    {
        _time = time;
        _limit = limit;
        _tokens = limit.Capacity;
        _stamp = time.GetTimestamp();
    }

    /// <summary>Tokens available now (negative while callers wait).</summary>
    public double Available
    {
        get
        {
            lock (_gate)
            {
                Refill();
                return _tokens;
            }
        }
    }

    /// <summary>Takes one token; returns how long the caller must wait before using it.</summary>
    public TimeSpan Reserve()
    {
        lock (_gate)
        {
            Refill();
            _tokens -= 1;

            // Rounded UP to the millisecond: never a tick early, whatever the floating-point error (EC2's bucket would
            // still be a hair short of one token).
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Ceiling(-_tokens / _limit.RefillPerSecond * 1000));
        }
    }

    /// <summary>Gives back a token whose caller gave up waiting.</summary>
    public void Refund()
    {
        lock (_gate)
        {
            Refill();
            _tokens = Math.Min(_limit.Capacity, _tokens + 1);
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_stamp, now);
        _stamp = now;
        if (elapsed > TimeSpan.Zero)
        {
            _tokens = Math.Min(_limit.Capacity, _tokens + (elapsed.TotalSeconds * _limit.RefillPerSecond));
        }
    }
}
