namespace AmiAutomation.Lambda.Tests.Support;

/// <summary>
/// IAM actions the functions needed that the simulator's CallLog cannot show: DynamoDB ledger calls and permissions
/// EC2 checks on our behalf (e.g. ec2:DeleteSnapshot for DeregisterImage with DeleteAssociatedSnapshots). In call
/// order, so a window of it can be attributed to one invocation. Also the tag keys of every CreateTags request, for
/// policies that limit them (<c>aws:TagKeys</c>). Thread safe.
/// </summary>
internal sealed class PermissionLog
{
    private readonly Lock _gate = new();
    private readonly List<string> _actions = [];
    private readonly List<string> _tagKeys = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _actions.Count;
            }
        }
    }

    public int TagKeyCount
    {
        get
        {
            lock (_gate)
            {
                return _tagKeys.Count;
            }
        }
    }

    public void AddTagKeys(IEnumerable<string> keys)
    {
        lock (_gate)
        {
            _tagKeys.AddRange(keys);
        }
    }

    /// <summary>The CreateTags keys recorded after the first <paramref name="skip"/>.</summary>
    public IReadOnlyList<string> TagKeysSince(int skip)
    {
        lock (_gate)
        {
            return [.. _tagKeys.Skip(skip)];
        }
    }

    public void Add(string iamAction)
    {
        lock (_gate)
        {
            _actions.Add(iamAction);
        }
    }

    /// <summary>The actions recorded after the first <paramref name="skip"/>.</summary>
    public IReadOnlyList<string> Since(int skip)
    {
        lock (_gate)
        {
            return [.. _actions.Skip(skip)];
        }
    }
}
