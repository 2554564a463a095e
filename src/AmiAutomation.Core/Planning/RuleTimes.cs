using AmiAutomation.Core.Images;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Core.Planning;

/// <summary>
/// When each time-based rule of the deprecate and expire policies fires for one image: the same comparisons as
/// <c>DeprecationRun</c> and <c>ExpiryRun</c> solved for the time, so "explain" can say "eligible on …". Says nothing
/// about protections, newest K or the cap: the planners decide those at the time. Pure.
/// </summary>
public static class RuleTimes
{
    /// <summary>Deprecation: <see cref="ReasonCode.OlderThanMaxAge"/> at creation + max age; <see cref="ReasonCode.SupersededByNewer"/>
    /// has no time (it waits for newer builds; <paramref name="newerImages"/> is how many exist).</summary>
    public static IReadOnlyList<RuleTime> Deprecation(AmiImage image, DeprecationPolicy policy, int newerImages)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(policy);
        var rules = new List<RuleTime>(2);
        if (policy.MaxAgeDays is { } maxAge)
        {
            rules.Add(new(ReasonCode.OlderThanMaxAge, image.CreationDate.AddDays(maxAge), $"created {PlanText.Time(image.CreationDate)}, max age {maxAge} days"));
        }

        if (policy.MinNewerImages is { } minNewer)
        {
            rules.Add(new(ReasonCode.SupersededByNewer, null, $"{newerImages} newer available image(s) in the family, fires at {minNewer}"));
        }

        return rules;
    }

    /// <summary>Expiry: <see cref="ReasonCode.DeprecatedLongEnough"/> at <paramref name="deprecationTime"/> (set or
    /// planned) + days; <see cref="ReasonCode.ExpiresAtPassed"/> at the tag's time; <see cref="ReasonCode.OlderThanRetention"/>
    /// at creation + retention. Off rules are left out; an unreadable tag or no deprecation time gives no time.</summary>
    public static IReadOnlyList<RuleTime> Expiry(AmiImage image, ExpiryPolicy policy, DateTimeOffset? deprecationTime)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(policy);
        var rules = new List<RuleTime>(3);
        if (policy.DeprecatedForDays is { } deprecatedFor)
        {
            rules.Add(deprecationTime is { } deprecated
                ? new(ReasonCode.DeprecatedLongEnough, deprecated.AddDays(deprecatedFor), $"deprecated at {PlanText.Time(deprecated)}, plus {deprecatedFor} days")
                : new(ReasonCode.DeprecatedLongEnough, null, $"not deprecated; fires {deprecatedFor} days after deprecation"));
        }

        if (policy.UseExpiresAtTag)
        {
            var tag = image.Tag(TagNames.ExpiresAt);
            rules.Add(tag is null
                ? new(ReasonCode.ExpiresAtPassed, null, $"no {TagNames.ExpiresAt} tag")
                : TagTime.TryParse(tag, out var expires)
                    ? new(ReasonCode.ExpiresAtPassed, expires, $"tag {TagNames.ExpiresAt} = {PlanText.Time(expires)}")
                    : new(ReasonCode.ExpiresAtPassed, null, $"tag {TagNames.ExpiresAt} = '{tag}' is not an RFC 3339 time and is ignored"));
        }

        if (policy.RetentionDays is { } retention)
        {
            rules.Add(new(ReasonCode.OlderThanRetention, image.CreationDate.AddDays(retention), $"created {PlanText.Time(image.CreationDate)}, retention {retention} days"));
        }

        return rules;
    }

    /// <summary>The earliest time any of <paramref name="rules"/> fires; null when none has a time.</summary>
    public static DateTimeOffset? Earliest(IEnumerable<RuleTime> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        DateTimeOffset? earliest = null;
        foreach (var rule in rules)
        {
            if (rule.At is { } at && (earliest is null || at < earliest))
            {
                earliest = at;
            }
        }

        return earliest;
    }
}
