namespace AmiAutomation.Lambda.Tests.Iam.Policy;

/// <summary>
/// IAM's wildcard matching. Actions: <c>*</c> and <c>?</c>, case-insensitive. Resources: ARNs are compared segment by
/// segment (the five colons before the resource part); <c>*</c> and <c>?</c> match within a segment, case-sensitively,
/// and a <c>*</c> ending the last segment of a shorter pattern runs on over colons
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
/// </summary>
internal static class IamPatterns
{
    private const int ArnSegments = 6;

    public static bool ActionMatches(string pattern, string action) => Glob(pattern, action, ignoreCase: true);

    public static bool ResourceMatches(string pattern, string resource)
    {
        if (pattern == "*")
        {
            return true;
        }

        var patternParts = pattern.Split(':', ArnSegments);
        var resourceParts = resource.Split(':', ArnSegments);
        if (patternParts.Length < ArnSegments)
        {
            // "arn:aws:ec2:*": the last segment's trailing * covers the rest of the ARN.
            var last = patternParts.Length - 1;
            if (!patternParts[last].EndsWith('*') || resourceParts.Length < patternParts.Length)
            {
                return false;
            }

            return Enumerable.Range(0, last).All(i => Glob(patternParts[i], resourceParts[i], ignoreCase: false))
                && Glob(patternParts[last], string.Join(':', resourceParts[last..]), ignoreCase: false);
        }

        return resourceParts.Length == ArnSegments
            && Enumerable.Range(0, ArnSegments).All(i => Glob(patternParts[i], resourceParts[i], ignoreCase: false));
    }

    /// <summary><c>*</c> = any run of characters (none included), <c>?</c> = exactly one character.</summary>
    public static bool Glob(string pattern, string value, bool ignoreCase)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = v;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || string.Compare(pattern, p, value, v, 1, comparison) == 0))
            {
                p++;
                v++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
