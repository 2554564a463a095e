namespace AmiAutomation.Aws.Tests.Support;

/// <summary>A fault injected into the fake EC2: when <see cref="Action"/> is called for the <see cref="OnCall"/>-th time
/// (0-based), answer with <see cref="Kind"/>.</summary>
public sealed record Fault(string Action, int OnCall, FaultKind Kind)
{
    public override string ToString() => $"{Action}#{OnCall}:{Kind}";
}

public enum FaultKind
{
    /// <summary>RequestLimitExceeded after the SDK's retries.</summary>
    Throttled,

    /// <summary>HTTP 500 with no error code (moto: not implemented).</summary>
    NotImplemented,

    /// <summary>UnauthorizedOperation.</summary>
    Unauthorized,

    /// <summary>A network-level failure (HttpRequestException).</summary>
    Network,

    /// <summary>The page's NextToken is the token of the request (a loop).</summary>
    RepeatedToken,

    /// <summary>The response is null.</summary>
    NullResponse,

    /// <summary>A launch template version whose image id is an unresolved SSM alias.</summary>
    UnresolvedAlias,

    /// <summary>A page with no items (its list omitted, as AWS omits an empty list) and a NextToken that reads on from
    /// where the request started.</summary>
    EmptyPage,

    /// <summary>The page comes back without its NextToken although more items exist (an endpoint that does not page).</summary>
    DroppedToken,
}
