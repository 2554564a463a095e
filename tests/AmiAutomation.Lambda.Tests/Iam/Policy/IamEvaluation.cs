namespace AmiAutomation.Lambda.Tests.Iam.Policy;

/// <summary>The decision for one request and the Sids of the statements that made it (the matching Deny
/// statements for <see cref="IamDecision.ExplicitDeny"/>, the matching Allow statements for
/// <see cref="IamDecision.Allow"/>, none for <see cref="IamDecision.ImplicitDeny"/>).</summary>
internal sealed record IamEvaluation(IamDecision Decision, IReadOnlyList<string> Statements)
{
    public override string ToString() =>
        Statements.Count == 0 ? Decision.ToString() : $"{Decision} by {string.Join(", ", Statements)}";
}
