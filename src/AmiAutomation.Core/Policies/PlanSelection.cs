namespace AmiAutomation.Core.Policies;

/// <summary>
/// Which images a run may act on, as the caller asked (families, image ids). Images outside it get
/// <see cref="Planning.ReasonCode.NotSelected"/>. Selection never changes the family arithmetic: newest K, "newer
/// images" and "last of family" always count the whole family in the region.
/// </summary>
/// <remarks>A null set means "no filter"; an empty set selects nothing. Both filters must pass. Matching is ordinal
/// (case-sensitive) unless the caller supplies sets with another comparer.</remarks>
public sealed record PlanSelection
{
    /// <summary>Everything.</summary>
    public static PlanSelection All { get; } = new();

    /// <summary>Families to act on; null: all.</summary>
    public IReadOnlySet<string>? Families { get; init; }

    /// <summary>Image ids to act on; null: all.</summary>
    public IReadOnlySet<string>? ImageIds { get; init; }

    public static PlanSelection ForFamilies(params IEnumerable<string> families) =>
        new() { Families = new HashSet<string>(families, StringComparer.Ordinal) };

    public static PlanSelection ForImages(params IEnumerable<string> imageIds) =>
        new() { ImageIds = new HashSet<string>(imageIds, StringComparer.Ordinal) };

    public bool Includes(string imageId, string family) =>
        (Families is null || Families.Contains(family)) && (ImageIds is null || ImageIds.Contains(imageId));

    /// <summary>Why an image is outside the selection (for the <c>NotSelected</c> detail).</summary>
    public string DescribeExclusion(string imageId, string family) =>
        Families is not null && !Families.Contains(family)
            ? $"family '{family}' is not among the {Families.Count} selected families"
            : $"image {imageId} is not among the {ImageIds?.Count ?? 0} selected image ids";
}
