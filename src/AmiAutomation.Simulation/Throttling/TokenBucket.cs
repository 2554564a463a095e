namespace AmiAutomation.Simulation.Throttling;

/// <summary>A token bucket measured on the simulator's clock (starts full).</summary>
internal sealed class TokenBucket(int capacity, double refillPerSecond, DateTimeOffset now)
{
    private double _tokens = capacity;
    private DateTimeOffset _last = now;

    public bool TryTake(DateTimeOffset now)
    {
        if (now > _last)
        {
            _tokens = Math.Min(capacity, _tokens + ((now - _last).TotalSeconds * refillPerSecond));
            _last = now;
        }

        if (_tokens < 1)
        {
            return false;
        }

        _tokens -= 1;
        return true;
    }
}
