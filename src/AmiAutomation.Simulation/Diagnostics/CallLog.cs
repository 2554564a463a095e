namespace AmiAutomation.Simulation.Diagnostics;

/// <summary>Every call the simulator's clients received, in order. Thread safe.</summary>
public sealed class CallLog
{
    private readonly Lock _gate = new();
    private readonly List<RecordedCall> _calls = [];

    public IReadOnlyList<RecordedCall> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _calls.Count;
            }
        }
    }

    /// <summary>Calls of one action (e.g. <c>DescribeImages</c>), optionally in one region.</summary>
    public int CountOf(string action, string? region = null)
    {
        lock (_gate)
        {
            return _calls.Count(c => c.Action == action && (region is null || c.Region == region));
        }
    }

    /// <summary>Distinct action names called, in first-call order (what an IAM policy must allow).</summary>
    public IReadOnlyList<string> Actions
    {
        get
        {
            lock (_gate)
            {
                return _calls.Select(c => c.Action).Distinct(StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>Call count per action name.</summary>
    public IReadOnlyDictionary<string, int> CountsByAction
    {
        get
        {
            lock (_gate)
            {
                return _calls.GroupBy(c => c.Action, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }

    internal void Record(RecordedCall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }
}
