namespace AmiAutomation.Core.Restore;

/// <summary>
/// Suggestions for a name, family or id that matched nothing: values equal ignoring case, then values one is a
/// prefix of the other, then values containing the query, then values within a small edit distance.
/// </summary>
public static class NearMatchFinder
{
    public const int DefaultMaxSuggestions = 5;

    /// <summary>Up to <paramref name="max"/> distinct suggestions, best first (ties in ordinal order).</summary>
    public static IReadOnlyList<string> Find(string query, IEnumerable<string> known, int max = DefaultMaxSuggestions)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(known);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var needle = query.Trim().ToUpperInvariant();
        if (needle.Length == 0 || max == 0)
        {
            return [];
        }

        var threshold = MaxDistance(needle.Length);
        var scored = new List<(int Rank, int Distance, string Value)>();
        foreach (var value in known.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal))
        {
            var candidate = value.ToUpperInvariant();
            if (Score(needle, candidate, threshold) is { } score)
            {
                scored.Add((score.Rank, score.Distance, value));
            }
        }

        return [.. scored
            .OrderBy(s => s.Rank)
            .ThenBy(s => s.Distance)
            .ThenBy(s => s.Value, StringComparer.Ordinal)
            .Take(max)
            .Select(s => s.Value)];
    }

    /// <summary>Edit distance allowed for a query of <paramref name="length"/> characters: a third of it, at least 2.</summary>
    public static int MaxDistance(int length) => Math.Max(2, length / 3);

    /// <summary>Levenshtein distance (insert, delete, substitute: cost 1 each).</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static (int Rank, int Distance)? Score(string needle, string candidate, int threshold)
    {
        var lengthGap = Math.Abs(needle.Length - candidate.Length);
        if (string.Equals(needle, candidate, StringComparison.Ordinal))
        {
            return (0, 0);
        }

        if (candidate.StartsWith(needle, StringComparison.Ordinal) || (candidate.Length >= 3 && needle.StartsWith(candidate, StringComparison.Ordinal)))
        {
            return (1, lengthGap);
        }

        if (candidate.Contains(needle, StringComparison.Ordinal))
        {
            return (2, lengthGap);
        }

        if (lengthGap > threshold)
        {
            return null;
        }

        var distance = Distance(needle, candidate);
        return distance <= threshold ? (3, distance) : null;
    }
}
