namespace AmiAutomation.Core.Restorability;

/// <summary>
/// A Recycle Bin retention rule as GetRule returns it. Tag-level when <see cref="ResourceTags"/> is non-empty (a
/// resource carrying any one pair is retained; a null value is a key-only pair), else region-level (everything of the
/// type is retained unless it carries an <see cref="ExcludeResourceTags"/> pair). Only <c>available</c> rules retain.
/// </summary>
public sealed record RetentionRule(string Identifier, RetentionResourceType ResourceType, int RetentionDays, bool IsAvailable)
{
    public IReadOnlyList<KeyValuePair<string, string?>> ResourceTags { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string?>> ExcludeResourceTags { get; init; } = [];

    /// <summary><c>locked</c>, <c>pending_unlock</c>, <c>unlocked</c>, or null when never locked.</summary>
    public string? LockState { get; init; }

    public string? Description { get; init; }
}
