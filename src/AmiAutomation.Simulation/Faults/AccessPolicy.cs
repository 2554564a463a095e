namespace AmiAutomation.Simulation.Faults;

/// <summary>
/// The simulated IAM decision: everything is allowed until <see cref="Deny"/> or <see cref="AllowOnly"/> is used.
/// Denied calls fail with <c>UnauthorizedOperation</c> (dry run or not); a denied <c>DeleteSnapshot</c> makes
/// DeregisterImage's DeleteAssociatedSnapshots report <c>missing-permissions</c>.
/// Actions are EC2 API names, with or without the <c>ec2:</c> prefix.
/// </summary>
public sealed class AccessPolicy
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _denied = new(StringComparer.Ordinal);
    private HashSet<string>? _allowed;

    public void Deny(params string[] actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        lock (_gate)
        {
            foreach (var action in actions)
            {
                _denied.Add(FaultInjector.Normalize(action));
            }
        }
    }

    /// <summary>Only these actions are allowed from now on (an IAM policy's action list).</summary>
    public void AllowOnly(IEnumerable<string> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        lock (_gate)
        {
            _allowed = new HashSet<string>(actions.Select(FaultInjector.Normalize), StringComparer.Ordinal);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _denied.Clear();
            _allowed = null;
        }
    }

    public bool IsAllowed(string action)
    {
        var name = FaultInjector.Normalize(action);
        lock (_gate)
        {
            return !_denied.Contains(name) && (_allowed is null || _allowed.Contains(name));
        }
    }
}
