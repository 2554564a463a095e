namespace AmiAutomation.Simulation.Faults;

/// <summary>
/// Ways the simulator can lie or change the world mid-run, so tests can prove one safety layer stands on its own:
/// a listing that goes blind after some honest calls (e.g. the executor's re-check sees nothing the inventory saw),
/// a hook that changes the world right after the Nth call of an action (a reference appearing between planning and
/// execution), and a DescribeImages that lists images shared with the account as if owned. Off unless set.
/// </summary>
public sealed class EmulatorLies
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _honestCalls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly List<(string Action, int CallNumber, Action Hook)> _hooks = [];
    private readonly HashSet<string> _loops = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _creationDates = new(StringComparer.Ordinal);

    /// <summary>DescribeImages Owners=self also lists images shared with the account (a listing that lies about ownership).</summary>
    public bool ListSharedImagesAsOwned { get; set; }

    /// <summary>After <paramref name="honestCalls"/> answered calls, <paramref name="action"/> (DescribeInstances or
    /// DescribeImageReferences) answers as if no instance or reference existed.</summary>
    public void BlindAfter(string action, int honestCalls)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(honestCalls);
        lock (_gate)
        {
            _honestCalls[FaultInjector.Normalize(action)] = honestCalls;
        }
    }

    /// <summary>Runs <paramref name="hook"/> right after the <paramref name="callNumber"/>th call (1-based) of
    /// <paramref name="action"/> returned, outside the simulator's lock (the hook may seed the world).</summary>
    public void AfterCall(string action, int callNumber, Action hook)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(callNumber);
        ArgumentNullException.ThrowIfNull(hook);
        lock (_gate)
        {
            _hooks.Add((FaultInjector.Normalize(action), callNumber, hook));
        }
    }

    /// <summary>Every page of <paramref name="action"/>'s listing (DescribeImages, DescribeInstances,
    /// DescribeLaunchTemplates, DescribeLaunchTemplateVersions, DescribeImageReferences) returns the same NextToken, which
    /// leads back to the first page: a truncation a reader can only notice as a token loop.</summary>
    public void LoopTokens(string action)
    {
        lock (_gate)
        {
            _loops.Add(FaultInjector.Normalize(action));
        }
    }

    /// <summary>DescribeImages reports <paramref name="text"/> as the CreationDate of <paramref name="imageId"/> (e.g. a value
    /// that is not a time), whatever the image's real creation time.</summary>
    public void ReportCreationDate(string imageId, string text)
    {
        lock (_gate)
        {
            _creationDates[imageId] = text;
        }
    }

    internal string? ReportedCreationDate(string imageId)
    {
        lock (_gate)
        {
            return _creationDates.GetValueOrDefault(imageId);
        }
    }

    internal bool LoopsTokens(string action)
    {
        lock (_gate)
        {
            return _loops.Contains(action);
        }
    }

    /// <summary>Counts one call of <paramref name="action"/>; returns whether it is answered blind and the hooks due after it.</summary>
    internal (bool Blind, IReadOnlyList<Action> Hooks) Count(string action)
    {
        lock (_gate)
        {
            var number = _calls.GetValueOrDefault(action) + 1;
            _calls[action] = number;
            var blind = _honestCalls.TryGetValue(action, out var honest) && number > honest;
            var due = _hooks.Where(h => h.Action == action && h.CallNumber == number).Select(h => h.Hook).ToList();
            return (blind, due);
        }
    }
}
