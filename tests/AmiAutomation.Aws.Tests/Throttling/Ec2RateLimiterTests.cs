using AmiAutomation.Aws.Throttling;
using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Aws.Tests.Throttling;

public sealed class Ec2RateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private static Ec2RateLimits Limits(int capacity, double refill) =>
        new(Enum.GetValues<Ec2ActionClass>().ToDictionary(c => c, _ => new TokenBucketLimit(capacity, refill)));

    [Fact]
    public void Default_IsNinetyFivePercentOfDocumented_ForEveryClass()
    {
        foreach (var actionClass in Enum.GetValues<Ec2ActionClass>())
        {
            var documented = Ec2RateLimits.Documented.For(actionClass);
            var used = Ec2RateLimits.Default.For(actionClass);

            Assert.Equal(documented.RefillPerSecond * 0.95, used.RefillPerSecond, 9);
            Assert.Equal((int)Math.Floor(documented.Capacity * 0.95), used.Capacity);
        }
    }

    [Fact]
    public void Documented_MatchesEc2Defaults()
    {
        var limits = Ec2RateLimits.Documented;

        Assert.Equal(new TokenBucketLimit(100, 20), limits.For(Ec2ActionClass.Describe));
        Assert.Equal(new TokenBucketLimit(50, 10), limits.For(Ec2ActionClass.UnfilteredDescribe));
        Assert.Equal(new TokenBucketLimit(50, 5), limits.For(Ec2ActionClass.Mutate));
        Assert.Equal(new TokenBucketLimit(100, 1), limits.For(Ec2ActionClass.CopyImage));
        Assert.Equal(new TokenBucketLimit(100, 10), limits.For(Ec2ActionClass.Tagging));
        Assert.Equal(new TokenBucketLimit(100, 5), limits.For(Ec2ActionClass.Deregister));
    }

    [Fact]
    public async Task AcquireAsync_BurstUpToCapacity_CompletesAtOnce_ThenWaitsForRefill()
    {
        var limiter = new Ec2RateLimiter(_time, Ec2RateLimits.Documented);

        for (var i = 0; i < 100; i++)
        {
            Assert.True(limiter.AcquireAsync("DescribeImages", Ec2ActionClass.Describe, CancellationToken.None).IsCompletedSuccessfully);
        }

        var next = limiter.AcquireAsync("DescribeImages", Ec2ActionClass.Describe, CancellationToken.None).AsTask();
        Assert.False(next.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(49));
        Assert.False(next.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(1)); // 1 token at 20/s = 50 ms
        await WhenDone([next]);
    }

    [Fact]
    public async Task AcquireAsync_Waiters_AreServedInArrivalOrderAtTheRefillRate()
    {
        var limiter = new Ec2RateLimiter(_time, Limits(1, 5)); // 200 ms per token
        Assert.True(limiter.AcquireAsync(Ec2ActionClass.Deregister, CancellationToken.None).IsCompletedSuccessfully);

        var waiters = Enumerable.Range(0, 3).Select(_ => limiter.AcquireAsync(Ec2ActionClass.Deregister, CancellationToken.None).AsTask()).ToList();

        _time.Advance(TimeSpan.FromMilliseconds(200));
        await WhenDone(waiters.Take(1));
        Assert.Equal([false, false], waiters.Skip(1).Select(w => w.IsCompleted));
        _time.Advance(TimeSpan.FromMilliseconds(200));
        await WhenDone(waiters.Take(2));
        Assert.False(waiters[2].IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(200));
        await WhenDone(waiters);
    }

    [Fact]
    public void AcquireAsync_LongIdle_RefillsOnlyToCapacity()
    {
        var limiter = new Ec2RateLimiter(_time, Limits(3, 1));
        _time.Advance(TimeSpan.FromHours(1));

        for (var i = 0; i < 3; i++)
        {
            Assert.True(limiter.AcquireAsync("x", Ec2ActionClass.Mutate, CancellationToken.None).IsCompletedSuccessfully);
        }

        Assert.False(limiter.AcquireAsync("x", Ec2ActionClass.Mutate, CancellationToken.None).IsCompleted);
    }

    [Fact]
    public void AcquireAsync_DifferentActions_HaveSeparateBuckets()
    {
        var limiter = new Ec2RateLimiter(_time, Limits(1, 1));

        Assert.True(limiter.AcquireAsync("DescribeImages", Ec2ActionClass.Describe, CancellationToken.None).IsCompletedSuccessfully);
        Assert.True(limiter.AcquireAsync("DescribeInstances", Ec2ActionClass.Describe, CancellationToken.None).IsCompletedSuccessfully);
        Assert.True(limiter.AcquireAsync(Ec2ActionClass.Describe, CancellationToken.None).IsCompletedSuccessfully);
        Assert.False(limiter.AcquireAsync("DescribeImages", Ec2ActionClass.Describe, CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsAndGivesTheTokenBack()
    {
        var limiter = new Ec2RateLimiter(_time, Limits(1, 1));
        await limiter.AcquireAsync("a", Ec2ActionClass.Mutate, CancellationToken.None);
        using var cts = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync("a", Ec2ActionClass.Mutate, cts.Token).AsTask();
        Assert.Equal(-1, limiter.Available("a"), 3);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, limiter.Available("a"), 3);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.AcquireAsync("a", Ec2ActionClass.Mutate, CancellationToken.None).IsCompletedSuccessfully);
        Assert.False(limiter.AcquireAsync("a", Ec2ActionClass.Mutate, CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task AcquireAsync_AlreadyCancelled_ThrowsWithoutTakingAToken()
    {
        var limiter = new Ec2RateLimiter(_time, Limits(1, 1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.AcquireAsync("a", Ec2ActionClass.Mutate, new CancellationToken(true)).AsTask());
        Assert.True(limiter.AcquireAsync("a", Ec2ActionClass.Mutate, CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task AcquireAsync_SustainedLoad_RunsAtBurstThenRefillRate()
    {
        var limiter = new Ec2RateLimiter(_time, Ec2RateLimits.Documented);
        var pending = Enumerable.Range(0, 300)
            .Select(_ => limiter.AcquireAsync("DeregisterImage", Ec2ActionClass.Deregister, CancellationToken.None).AsTask())
            .ToList();

        // Deregister bucket: 100 at once, then 5 per second. Just after second t: the first 100 + 5t are through, the next is not.
        await WhenDone(pending.Take(100));
        Assert.False(pending[100].IsCompleted);
        for (var t = 1; t <= 40; t++)
        {
            _time.Advance(TimeSpan.FromSeconds(t == 1 ? 1.1 : 1));
            await WhenDone(pending.Take(100 + (5 * t)));
            if (100 + (5 * t) < pending.Count)
            {
                Assert.False(pending[100 + (5 * t)].IsCompleted, $"call {100 + (5 * t)} went through before second {t + 0.2}");
            }
        }
    }

    private static Task WhenDone(IEnumerable<Task> tasks) => Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(30));

    [Fact]
    public void Scaled_Half_HalvesCapacityAndRefill()
    {
        var half = Ec2RateLimits.Documented.Scaled(0.5);

        Assert.Equal(new TokenBucketLimit(50, 10), half.For(Ec2ActionClass.Describe));
        Assert.Equal(new TokenBucketLimit(50, 0.5), half.For(Ec2ActionClass.CopyImage));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ec2RateLimits.Documented.Scaled(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ec2RateLimits.Documented.Scaled(1.5));
    }

    [Fact]
    public void Limits_MissingClass_Throws() =>
        Assert.Throws<ArgumentException>(() => new Ec2RateLimits(new Dictionary<Ec2ActionClass, TokenBucketLimit> { [Ec2ActionClass.Describe] = new(1, 1) }));

    [Fact]
    public void Registry_SameRegion_SameLimiter()
    {
        var registry = new Ec2RateLimiterRegistry(_time);

        Assert.Same(registry.ForRegion("us-east-1"), registry.ForRegion("us-east-1"));
        Assert.NotSame(registry.ForRegion("us-east-1"), registry.ForRegion("us-west-2"));
    }
}
