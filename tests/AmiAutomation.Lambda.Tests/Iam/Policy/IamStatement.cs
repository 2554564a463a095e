namespace AmiAutomation.Lambda.Tests.Iam.Policy;

/// <summary>One statement with every <c>!Sub</c>/<c>!GetAtt</c> resolved: it applies to a request when one of its
/// actions and one of its resources match and all of its conditions hold.</summary>
internal sealed record IamStatement(
    string Sid, IamEffect Effect, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources, IReadOnlyList<IamCondition> Conditions)
{
    public bool AppliesTo(IamRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Actions.Any(a => IamPatterns.ActionMatches(a, request.Action)) && AppliesToResourceAndContext(request);
    }

    /// <summary>Whether the statement's <paramref name="action"/> entry alone would apply to <paramref name="request"/>.</summary>
    public bool AppliesThrough(string action, IamRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return IamPatterns.ActionMatches(action, request.Action) && AppliesToResourceAndContext(request);
    }

    public override string ToString() => $"{Sid} ({Effect} [{string.Join(", ", Actions)}] on [{string.Join(", ", Resources)}]"
        + (Conditions.Count == 0 ? ")" : $" if {string.Join(" and ", Conditions)})");

    private bool AppliesToResourceAndContext(IamRequest request) =>
        Resources.Any(r => IamPatterns.ResourceMatches(r, request.Resource)) && Conditions.All(c => c.IsSatisfiedBy(request));
}
