using System.Net;

namespace AmiAutomation.Simulation.Faults;

/// <summary>
/// Makes simulated calls fail or slow down. Action names are EC2 API names (<c>DescribeImages</c>); the <c>ec2:</c>
/// prefix is accepted. Faults are checked before throttling, access checks and the operation itself.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private readonly Dictionary<string, TimeSpan> _latencyByAction = new(StringComparer.Ordinal);
    private TimeSpan _latency = TimeSpan.Zero;

    /// <summary>Fails the next <paramref name="count"/> calls of <paramref name="action"/> (optionally only in <paramref name="region"/>).</summary>
    public void FailNext(string action, int count, string errorCode, HttpStatusCode statusCode = HttpStatusCode.BadRequest, string? region = null, string? message = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Add(action, region, errorCode, statusCode, message, count);
    }

    /// <summary>Fails every call of <paramref name="action"/> (null: of every action) until <see cref="Clear"/>.</summary>
    public void FailAlways(string? action, string errorCode, HttpStatusCode statusCode = HttpStatusCode.BadRequest, string? region = null, string? message = null) =>
        Add(action, region, errorCode, statusCode, message, null);

    /// <summary>Answers like moto does for unsupported calls: HTTP 500 with an empty ErrorCode.</summary>
    public void NotImplemented(string action, string? region = null, int? count = null) =>
        Add(action, region, string.Empty, HttpStatusCode.InternalServerError, $"{Normalize(action)} is not implemented (simulated).", count);

    /// <summary>An injected server fault (<c>InternalError</c>, 500) for the next <paramref name="count"/> calls.</summary>
    public void ServerError(string action, int count = 1, string? region = null) =>
        FailNext(action, count, "InternalError", HttpStatusCode.InternalServerError, region, "An internal error has occurred (simulated).");

    /// <summary>Real latency (<c>Task.Delay</c>) added to every call, or to calls of one action.</summary>
    public void SetLatency(TimeSpan latency, string? action = null)
    {
        lock (_gate)
        {
            if (action is null)
            {
                _latency = latency;
            }
            else
            {
                _latencyByAction[Normalize(action)] = latency;
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _latencyByAction.Clear();
            _latency = TimeSpan.Zero;
        }
    }

    internal TimeSpan LatencyFor(string action)
    {
        lock (_gate)
        {
            return _latencyByAction.TryGetValue(action, out var latency) ? latency : _latency;
        }
    }

    /// <summary>Consumes one use of the first matching rule.</summary>
    internal FaultRule? Take(string action, string region)
    {
        lock (_gate)
        {
            var rule = _rules.Find(r => r.Applies(action, region));
            if (rule?.Remaining is int remaining)
            {
                rule.Remaining = remaining - 1;
                if (rule.Remaining == 0)
                {
                    _rules.Remove(rule);
                }
            }

            return rule;
        }
    }

    private void Add(string? action, string? region, string errorCode, HttpStatusCode statusCode, string? message, int? count)
    {
        var name = action is null ? null : Normalize(action);
        var rule = new FaultRule
        {
            Action = name,
            Region = region,
            ErrorCode = errorCode,
            StatusCode = statusCode,
            Message = message ?? $"Injected fault {errorCode} for {name ?? "every action"}{(region is null ? "" : " in " + region)}.",
            Remaining = count,
        };
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    internal static string Normalize(string action) =>
        action.StartsWith("ec2:", StringComparison.OrdinalIgnoreCase) ? action[4..] : action;
}
