using System.Collections.Concurrent;

namespace AmiAutomation.Aws.Throttling;

/// <summary>
/// Client-side token buckets for ONE account and region, sized like EC2's own (<see cref="Ec2RateLimits"/>), so a long
/// sweep paces itself just under EC2's limit instead of collecting RequestLimitExceeded; the SDK's retries handle
/// what other callers in the account consume. EC2 keeps a bucket per API action: <see cref="AcquireAsync(string, Ec2ActionClass, CancellationToken)"/>
/// does the same; <see cref="AcquireAsync(Ec2ActionClass, CancellationToken)"/> shares one bucket per class (stricter).
/// Waiting goes through the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class Ec2RateLimiter
{
    private readonly TimeProvider _time;
    private readonly Ec2RateLimits _limits;
    private readonly ConcurrentDictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);

    public Ec2RateLimiter(TimeProvider time, Ec2RateLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _limits = limits ?? Ec2RateLimits.Default;
    }

    public Ec2RateLimits Limits => _limits;

    /// <summary>Waits for a token of the bucket shared by the whole class.</summary>
    public ValueTask AcquireAsync(Ec2ActionClass actionClass, CancellationToken cancellationToken) =>
        AcquireAsync(ClassKey(actionClass), actionClass, cancellationToken);

    /// <summary>Waits for a token of <paramref name="action"/>'s own bucket (sized by its class).</summary>
    /// <exception cref="OperationCanceledException">Cancelled while waiting; the token is given back.</exception>
    public ValueTask AcquireAsync(string action, Ec2ActionClass actionClass, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        cancellationToken.ThrowIfCancellationRequested();
        var bucket = _buckets.GetOrAdd(action, _ => new TokenBucket(_time, _limits.For(actionClass)));
        var wait = bucket.Reserve();
        return wait <= TimeSpan.Zero ? ValueTask.CompletedTask : WaitAsync(bucket, wait, cancellationToken);
    }

    /// <summary>Tokens left in a bucket now (negative while callers wait); for tests and diagnostics.</summary>
    public double Available(string action) => _buckets.TryGetValue(action, out var bucket) ? bucket.Available : double.NaN;

    /// <summary>Tokens left in a class's shared bucket.</summary>
    public double Available(Ec2ActionClass actionClass) => Available(ClassKey(actionClass));

    private static string ClassKey(Ec2ActionClass actionClass) => "class:" + actionClass;

    private async ValueTask WaitAsync(TokenBucket bucket, TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(wait, _time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            bucket.Refund();
            throw;
        }
    }
}
