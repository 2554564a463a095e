namespace AmiAutomation.Simulation.Seeding;

/// <summary>
/// A Recycle Bin retention rule of one region. Tag-level when <see cref="ResourceTags"/> is non-empty (any one pair
/// matches; a null value matches any value), else region-level (everything matches unless an
/// <see cref="ExcludeResourceTags"/> pair does). Among matching rules the longest retention wins. Only
/// <see cref="IsAvailable"/> rules retain (a new rule is <c>pending</c> for up to 30 minutes).
/// </summary>
public sealed record RecycleBinRule(RecycleBinResourceType ResourceType, int RetentionDays)
{
    public IReadOnlyList<KeyValuePair<string, string?>> ResourceTags { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string?>> ExcludeResourceTags { get; init; } = [];

    public string? Description { get; init; }

    /// <summary>The rbin identifier (11 alphanumerics); assigned by <see cref="Ec2Simulator.AddRecycleBinRule"/> when null.</summary>
    public string? Identifier { get; init; }

    /// <summary><c>available</c> (true) or <c>pending</c> (false): a pending rule retains nothing.</summary>
    public bool IsAvailable { get; init; } = true;

    /// <summary><c>locked</c>, <c>pending_unlock</c>, <c>unlocked</c>, or null when never locked.</summary>
    public string? LockState { get; init; }

    public bool IsTagLevel => ResourceTags.Count > 0;

    /// <summary>Whether the rule retains a resource carrying <paramref name="tags"/>.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return IsTagLevel
            ? ResourceTags.Any(pair => HasTag(tags, pair))
            : !ExcludeResourceTags.Any(pair => HasTag(tags, pair));
    }

    private static bool HasTag(IReadOnlyDictionary<string, string> tags, KeyValuePair<string, string?> pair) =>
        tags.TryGetValue(pair.Key, out var value) && (pair.Value is null || pair.Value == value);
}
