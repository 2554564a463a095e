using AmiAutomation.Lambda.Tests.Iam.Policy;

namespace AmiAutomation.Lambda.Tests.Iam;

/// <summary>
/// The lockstep's two rules for one function, as lists of problems (empty = in step), so the tests that mutate the
/// template can run the very same check: every recorded authorization evaluates to Allow; every action entry of every
/// Allow statement is what some recorded authorization goes through (no privilege that no path uses).
/// </summary>
internal static class LockstepCheck
{
    /// <param name="policyFor">The function's policy for a region (a mutation test passes a changed one).</param>
    public static IReadOnlyList<string> Refused(IEnumerable<LockstepInvocation> invocations, Func<string, IamPolicy> policyFor)
    {
        ArgumentNullException.ThrowIfNull(policyFor);
        var problems = new List<string>();
        foreach (var invocation in invocations)
        {
            var policy = policyFor(invocation.Region);
            foreach (var request in invocation.Authorizations.Requests)
            {
                var evaluation = policy.Evaluate(request);
                if (evaluation.Decision != IamDecision.Allow)
                {
                    problems.Add($"{request} → {evaluation} ({invocation.Handler} in {invocation.Region}: {invocation.Scenario})");
                }
            }
        }

        return [.. problems.Distinct(StringComparer.Ordinal)];
    }

    public static IReadOnlyList<string> Unused(IReadOnlyList<LockstepInvocation> invocations, Func<string, IamPolicy> policyFor)
    {
        ArgumentNullException.ThrowIfNull(invocations);
        ArgumentNullException.ThrowIfNull(policyFor);
        var used = new HashSet<(string Sid, string Action)>();
        foreach (var invocation in invocations)
        {
            var policy = policyFor(invocation.Region);
            foreach (var (statement, action) in policy.Grants())
            {
                if (!used.Contains((statement.Sid, action)) && invocation.Authorizations.Requests.Any(r => statement.AppliesThrough(action, r)))
                {
                    used.Add((statement.Sid, action));
                }
            }
        }

        var anyPolicy = policyFor(invocations.Count > 0 ? invocations[0].Region : "eu-west-1");
        return [.. anyPolicy.Grants()
            .Where(g => !used.Contains((g.Statement.Sid, g.Action)))
            .Select(g => $"{g.Statement.Sid} grants {g.Action} on [{string.Join(", ", g.Statement.Resources)}], but no recorded call needs it there")];
    }

    /// <summary>Services <paramref name="policy"/> grants actions of that no recorded authorization belongs to: the
    /// lockstep cannot check such a grant against the code, so it must not pass silently.</summary>
    public static IReadOnlyList<string> Unobserved(IamPolicy policy, IEnumerable<LockstepInvocation> everyInvocation)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var observed = everyInvocation.SelectMany(i => i.Authorizations.Requests).Select(r => r.Namespace).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. policy.Grants()
            .Select(g => g.Action[..Math.Max(0, g.Action.IndexOf(':', StringComparison.Ordinal))])
            .Where(n => !observed.Contains(n))
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
