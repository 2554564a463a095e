namespace AmiAutomation.Lambda.Tests.Iam.Policy;

/// <summary>
/// A function's identity policy (its statements in template order) and IAM's evaluation logic for a single identity
/// policy: an applying Deny wins, else an applying Allow allows, else the request is implicitly denied
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html). No resource policy,
/// boundary or SCP is modelled: the stack brings none.
/// </summary>
internal sealed record IamPolicy(string Name, IReadOnlyList<IamStatement> Statements)
{
    public IamEvaluation Evaluate(IamRequest request)
    {
        var denies = Statements.Where(s => s.Effect == IamEffect.Deny && s.AppliesTo(request)).Select(s => s.Sid).ToList();
        if (denies.Count > 0)
        {
            return new(IamDecision.ExplicitDeny, denies);
        }

        var allows = Statements.Where(s => s.Effect == IamEffect.Allow && s.AppliesTo(request)).Select(s => s.Sid).ToList();
        return allows.Count > 0 ? new(IamDecision.Allow, allows) : new(IamDecision.ImplicitDeny, []);
    }

    /// <summary>Every action entry of the Allow statements, with its statement.</summary>
    public IEnumerable<(IamStatement Statement, string Action)> Grants() =>
        Statements.Where(s => s.Effect == IamEffect.Allow).SelectMany(s => s.Actions.Select(a => (s, a)));

    /// <summary>This policy with <paramref name="action"/> taken out of every Allow statement (a statement left
    /// without actions goes): what a template without that grant would be.</summary>
    public IamPolicy WithoutGrant(string action) => this with
    {
        Statements = [.. Statements
            .Select(s => s.Effect == IamEffect.Allow ? s with { Actions = [.. s.Actions.Where(a => !a.Equals(action, StringComparison.OrdinalIgnoreCase))] } : s)
            .Where(s => s.Actions.Count > 0)],
    };

    /// <summary>This policy with statement <paramref name="sid"/> replaced by <paramref name="change"/>'s result.</summary>
    public IamPolicy WithStatement(string sid, Func<IamStatement, IamStatement> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (Statements.All(s => s.Sid != sid))
        {
            throw new ArgumentException($"{Name} has no statement {sid}.", nameof(sid));
        }

        return this with { Statements = [.. Statements.Select(s => s.Sid == sid ? change(s) : s)] };
    }
}
