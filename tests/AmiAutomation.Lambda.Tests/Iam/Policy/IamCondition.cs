namespace AmiAutomation.Lambda.Tests.Iam.Policy;

/// <summary>
/// One key of a Condition block: <c>{Operator: {Key: Values}}</c>. Values of one key are ORed (for a negated
/// operator: the request value must match none of them); the conditions of a statement are ANDed by the statement.
/// Supported: StringEquals, StringNotEquals, StringEqualsIgnoreCase, StringNotEqualsIgnoreCase, StringLike,
/// StringNotLike, Bool, Null, each string operator optionally qualified by ForAllValues: or ForAnyValue:. Anything else
/// throws, so a template using it cannot pass unchecked.
/// </summary>
/// <remarks>
/// Semantics (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html,
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html):
/// a key missing from the request makes a positive operator false and a negated one (StringNot…) true; Null "true"
/// holds when the key is missing, "false" when present. ForAllValues holds when every request value matches (so also
/// when the key is missing or empty); ForAnyValue when at least one does (so never when it is missing).
/// </remarks>
internal sealed record IamCondition(string Operator, string Key, IReadOnlyList<string> Values)
{
    private const string ForAllValues = "ForAllValues:";
    private const string ForAnyValue = "ForAnyValue:";

    public bool IsSatisfiedBy(IamRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (qualifier, baseOperator) = Split(Operator);
        var present = request.ValuesOf(Key);
        if (baseOperator == "Null")
        {
            if (qualifier is not null || Values.Count != 1 || !bool.TryParse(Values[0], out var expectMissing))
            {
                throw Unsupported($"Null takes one value, \"true\" or \"false\", and no qualifier (got {Operator}: {Key}: [{string.Join(", ", Values)}])");
            }

            return (present is null || present.Count == 0) == expectMissing;
        }

        var (match, negated) = Matcher(baseOperator);
        bool Satisfies(string value) => negated ? !Values.Any(v => match(value, v)) : Values.Any(v => match(value, v));

        switch (qualifier)
        {
            case ForAllValues:
                return present is null || present.All(Satisfies);
            case ForAnyValue:
                return present is not null && present.Any(Satisfies);
            default:
                if (present is null)
                {
                    return negated;
                }

                if (present.Count != 1)
                {
                    throw Unsupported($"{Key} has {present.Count} values in the request; a multi-valued key needs ForAllValues: or ForAnyValue: ({Operator})");
                }

                return Satisfies(present[0]);
        }
    }

    public override string ToString() => $"{Operator}: {{{Key}: [{string.Join(", ", Values)}]}}";

    private static (string? Qualifier, string Operator) Split(string op)
    {
        if (op.StartsWith(ForAllValues, StringComparison.Ordinal))
        {
            return (ForAllValues, op[ForAllValues.Length..]);
        }

        return op.StartsWith(ForAnyValue, StringComparison.Ordinal) ? (ForAnyValue, op[ForAnyValue.Length..]) : (null, op);
    }

    private static (Func<string, string, bool> Match, bool Negated) Matcher(string op) => op switch
    {
        "StringEquals" => ((a, b) => string.Equals(a, b, StringComparison.Ordinal), false),
        "StringNotEquals" => ((a, b) => string.Equals(a, b, StringComparison.Ordinal), true),
        "StringEqualsIgnoreCase" => (EqualsIgnoreCase, false),
        "StringNotEqualsIgnoreCase" => (EqualsIgnoreCase, true),
        "StringLike" => ((a, b) => IamPatterns.Glob(b, a, ignoreCase: false), false),
        "StringNotLike" => ((a, b) => IamPatterns.Glob(b, a, ignoreCase: false), true),
        "Bool" => ((a, b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase), false),
        _ => throw Unsupported($"condition operator '{op}' is not modelled"),
    };

    /// <summary>ASCII-only case folding: how IAM folds non-ASCII letters is not documented, so none is assumed.</summary>
    private static bool EqualsIgnoreCase(string a, string b) =>
        a.Length == b.Length && a.Zip(b).All(p => p.First == p.Second || (char.IsAscii(p.First) && char.IsAscii(p.Second) && char.ToLowerInvariant(p.First) == char.ToLowerInvariant(p.Second)));

    private static NotSupportedException Unsupported(string what) =>
        new($"IAM evaluator: {what}. Extend {nameof(IamCondition)} (and its tests) before the template uses it.");
}
