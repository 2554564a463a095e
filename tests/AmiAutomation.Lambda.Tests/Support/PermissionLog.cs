using AmiAutomation.Lambda.Tests.Iam.Policy;

namespace AmiAutomation.Lambda.Tests.Support;

/// <summary>
/// What the functions asked IAM for that the simulator's CallLog (action names only) cannot show, in call order so a
/// window of it can be attributed to one invocation: every EC2 request with its resources, tags, implied and companion
/// permissions (<see cref="AuthorizationRecordingProxy"/>), the DynamoDB ledger actions
/// (<see cref="DynamoDbActionRecordingLedger"/>), and the EC2 calls the proxy saw (to prove nothing bypassed it). Thread safe.
/// </summary>
internal sealed class PermissionLog
{
    /// <summary>Resource of an action recorded by name only; the lockstep fills in the ARN for the function's region.</summary>
    public const string UnresolvedResource = "(unresolved)";

    private readonly Lock _gate = new();
    private readonly List<IamRequest> _requests = [];
    private readonly List<string> _proxiedCalls = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    public int ProxiedCallCount
    {
        get
        {
            lock (_gate)
            {
                return _proxiedCalls.Count;
            }
        }
    }

    /// <summary>An action recorded by name only (e.g. <c>dynamodb:PutItem</c> on the ledger table).</summary>
    public void Add(string iamAction) => Add([new IamRequest(iamAction, UnresolvedResource) { Origin = iamAction + " (by name)" }]);

    public void Add(IEnumerable<IamRequest> requests)
    {
        lock (_gate)
        {
            _requests.AddRange(requests);
        }
    }

    /// <summary>Notes that the proxy passed one call of <paramref name="action"/> (e.g. <c>ec2:DescribeImages</c>).</summary>
    public void AddProxiedCall(string action)
    {
        lock (_gate)
        {
            _proxiedCalls.Add(action);
        }
    }

    /// <summary>The requests recorded after the first <paramref name="skip"/>.</summary>
    public IReadOnlyList<IamRequest> Since(int skip)
    {
        lock (_gate)
        {
            return [.. _requests.Skip(skip)];
        }
    }

    /// <summary>The proxied calls recorded after the first <paramref name="skip"/>.</summary>
    public IReadOnlyList<string> ProxiedCallsSince(int skip)
    {
        lock (_gate)
        {
            return [.. _proxiedCalls.Skip(skip)];
        }
    }
}
