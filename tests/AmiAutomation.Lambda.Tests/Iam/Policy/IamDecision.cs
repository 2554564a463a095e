namespace AmiAutomation.Lambda.Tests.Iam.Policy;

/// <summary>IAM's answer for one request against one identity policy.</summary>
public enum IamDecision
{
    /// <summary>An Allow statement matches and no Deny statement does.</summary>
    Allow,

    /// <summary>A Deny statement matches (wins over every Allow).</summary>
    ExplicitDeny,

    /// <summary>No statement matches.</summary>
    ImplicitDeny,
}
