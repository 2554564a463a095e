namespace AmiAutomation.Core.Restorability;

/// <summary>
/// Rule matching as the Recycle Bin documents it: a tag-level rule retains a resource carrying at least one of its
/// tag pairs; a region-level rule retains every resource of its type except one carrying an exclusion pair
/// (https://docs.aws.amazon.com/ebs/latest/userguide/recycle-bin-working-with-rules.html). Whether a key-only pair
/// (no value) matches any value is not documented: such a match is <see cref="RuleMatch.Uncertain"/>. Status is not
/// considered here (see <see cref="RestorabilityCheck"/>).
/// </summary>
public static class RetentionRuleMatcher
{
    public static RuleMatch Match(RetentionRule rule, IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(tags);
        if (rule.ResourceTags.Count > 0)
        {
            var best = RuleMatch.No;
            foreach (var pair in rule.ResourceTags)
            {
                var found = Has(tags, pair);
                if (found == RuleMatch.Yes)
                {
                    return RuleMatch.Yes;
                }

                best = found == RuleMatch.Uncertain ? RuleMatch.Uncertain : best;
            }

            return best;
        }

        var result = RuleMatch.Yes;
        foreach (var pair in rule.ExcludeResourceTags)
        {
            var found = Has(tags, pair);
            if (found == RuleMatch.Yes)
            {
                return RuleMatch.No;
            }

            result = found == RuleMatch.Uncertain ? RuleMatch.Uncertain : result;
        }

        return result;
    }

    /// <summary>The exclusion pair of <paramref name="rule"/> that <paramref name="tags"/> carry, for messages.</summary>
    public static string? ExcludedBy(RetentionRule rule, IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(tags);
        return rule.ResourceTags.Count > 0
            ? null
            : rule.ExcludeResourceTags.Where(p => Has(tags, p) != RuleMatch.No).Select(Describe).FirstOrDefault();
    }

    public static string Describe(KeyValuePair<string, string?> pair) => pair.Value is null ? pair.Key + " (any value)" : $"{pair.Key}={pair.Value}";

    private static RuleMatch Has(IReadOnlyDictionary<string, string> tags, KeyValuePair<string, string?> pair)
    {
        if (!tags.TryGetValue(pair.Key, out var value))
        {
            return RuleMatch.No;
        }

        if (pair.Value is null)
        {
            return RuleMatch.Uncertain;
        }

        return string.Equals(pair.Value, value, StringComparison.Ordinal) ? RuleMatch.Yes : RuleMatch.No;
    }
}
