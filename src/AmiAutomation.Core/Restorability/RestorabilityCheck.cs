using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Core.Restorability;

/// <summary>
/// Decides, from the region's retention rules, whether an image and its snapshots will be kept by the Recycle Bin when
/// deregistered/deleted carrying our <c>ami-lifecycle:recycle-bin=retain</c> tag. Rules for AMIs and snapshots are
/// evaluated independently, each on the resource's own tags; among matching rules the longest retention wins; only
/// <c>available</c> rules retain (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/recycle-bin-factors.html,
/// https://docs.aws.amazon.com/recyclebin/latest/APIReference/API_GetRule.html). Restorable means:
/// <list type="bullet">
/// <item>an available EC2_IMAGE rule surely matches the image, and an available EBS_SNAPSHOT rule surely matches each snapshot;</item>
/// <item>each snapshot's guaranteed retention (longest available, surely matching rule) is at least the longest image
/// retention that may apply (any status, sure or uncertain match): otherwise a restored image could be unlaunchable.</item>
/// </list>
/// Pure: no I/O, no clock.
/// </summary>
public static class RestorabilityCheck
{
    /// <summary>The tag we put on every image and snapshot right before deregistration.</summary>
    public static KeyValuePair<string, string> RetainTag { get; } = new(TagNames.RecycleBin, TagNames.RecycleBinValue);

    public static string RetainTagText => $"{TagNames.RecycleBin}={TagNames.RecycleBinValue}";

    /// <summary>The run-level check: would an image and a snapshot carrying only our tag be kept?</summary>
    public static RestorabilityVerdict ForRun(IReadOnlyList<RetentionRule> rules)
    {
        var bare = new Dictionary<string, string>(StringComparer.Ordinal);
        return Evaluate(rules, new TaggedResource("tag " + RetainTagText, bare), [new TaggedResource("tag " + RetainTagText, bare)], runLevel: true);
    }

    /// <summary>One image with its own tags and its snapshots with theirs (our tag is added to each).</summary>
    public static RestorabilityVerdict ForImage(IReadOnlyList<RetentionRule> rules, TaggedResource image, IReadOnlyList<TaggedResource> snapshots)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(snapshots);
        return Evaluate(rules, image, snapshots, runLevel: false);
    }

    private static RestorabilityVerdict Evaluate(IReadOnlyList<RetentionRule> rules, TaggedResource image, IReadOnlyList<TaggedResource> snapshots, bool runLevel)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var problems = new List<string>();
        var imageTags = WithRetainTag(image.Tags);
        var imageSubject = runLevel ? image.Id : $"image {image.Id} (its tags plus {RetainTagText})";
        if (Guaranteed(rules, RetentionResourceType.Ec2Image, imageTags) is null)
        {
            problems.Add(Missing(rules, RetentionResourceType.Ec2Image, imageTags, imageSubject));
        }

        var possible = Possible(rules, RetentionResourceType.Ec2Image, imageTags);
        int? shortest = null;
        foreach (var snapshot in snapshots)
        {
            var tags = WithRetainTag(snapshot.Tags);
            var subject = runLevel ? snapshot.Id : $"snapshot {snapshot.Id} of {image.Id} (its tags plus {RetainTagText})";
            // Nullable checks and .Value rather than `is { } x` patterns: Stryker's mutants of a pattern leave x
            // "possibly unassigned" (CS0170), and it then drops every mutant of this method as a compile error.
            var guaranteed = Guaranteed(rules, RetentionResourceType.EbsSnapshot, tags);
            if (guaranteed is null)
            {
                problems.Add(Missing(rules, RetentionResourceType.EbsSnapshot, tags, subject));
                continue;
            }

            var (days, rule) = guaranteed.Value;
            shortest = shortest is null ? days : Math.Min(shortest.Value, days);
            if (possible is not null && days < possible.Value.Days)
            {
                problems.Add(
                    $"{RetentionResourceTypes.EbsSnapshotName} retention for {subject} is {days} days (rule {rule}) but "
                    + $"{RetentionResourceTypes.Ec2ImageName} retention may be {possible.Value.Days} days (rule {possible.Value.Rule}): a restored image could find its snapshots purged; "
                    + "keep snapshots at least as long as images");
            }
        }

        return new RestorabilityVerdict(problems) { ImageRetentionDays = possible?.Days, SnapshotRetentionDays = shortest };
    }

    private static Dictionary<string, string> WithRetainTag(IReadOnlyDictionary<string, string> tags)
    {
        var all = new Dictionary<string, string>(tags, StringComparer.Ordinal) { [RetainTag.Key] = RetainTag.Value };
        return all;
    }

    /// <summary>The longest retention of an available rule that surely matches.</summary>
    private static (int Days, string Rule)? Guaranteed(IReadOnlyList<RetentionRule> rules, RetentionResourceType type, IReadOnlyDictionary<string, string> tags) =>
        Longest(rules.Where(r => r.ResourceType == type && r.IsAvailable && RetentionRuleMatcher.Match(r, tags) == RuleMatch.Yes));

    /// <summary>The longest retention of any rule, pending included, that matches or may match.</summary>
    private static (int Days, string Rule)? Possible(IReadOnlyList<RetentionRule> rules, RetentionResourceType type, IReadOnlyDictionary<string, string> tags) =>
        Longest(rules.Where(r => r.ResourceType == type && RetentionRuleMatcher.Match(r, tags) != RuleMatch.No));

    private static (int Days, string Rule)? Longest(IEnumerable<RetentionRule> rules) =>
        rules.OrderByDescending(r => r.RetentionDays).ThenBy(r => r.Identifier, StringComparer.Ordinal).Select(r => ((int, string)?)(r.RetentionDays, r.Identifier)).FirstOrDefault();

    private static string Missing(IReadOnlyList<RetentionRule> rules, RetentionResourceType type, IReadOnlyDictionary<string, string> tags, string subject)
    {
        var name = type.ApiName();
        var hints = new List<string>();
        foreach (var rule in rules.Where(r => r.ResourceType == type).OrderBy(r => r.Identifier, StringComparer.Ordinal))
        {
            var match = RetentionRuleMatcher.Match(rule, tags);
            var excluded = RetentionRuleMatcher.ExcludedBy(rule, tags);
            if (match == RuleMatch.Yes && !rule.IsAvailable)
            {
                hints.Add($"rule {rule.Identifier} matches but is not available yet (pending; a new rule can take up to 30 minutes)");
            }
            else if (match == RuleMatch.Uncertain)
            {
                hints.Add($"rule {rule.Identifier} names a tag key without a value; AWS does not document that this matches, so it is not relied on");
            }
            else if (excluded is not null)
            {
                hints.Add($"region-level rule {rule.Identifier} excludes it by tag {excluded}");
            }
        }

        var head = $"no available {name} retention rule matches {subject}";
        return hints.Count == 0 ? head : $"{head} ({string.Join("; ", hints)})";
    }
}
