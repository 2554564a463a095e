using AmiAutomation.Core.Images;

namespace AmiAutomation.Core.Families;

/// <summary>
/// One image's place in its family, counted exactly as the planners count it (<see cref="FamilyIndex"/>): the family
/// (tag, else the rule on the name), its ranked images newest first (owned, available), this image's rank among them
/// (1 = newest; null when it is not ranked: not owned, or not available) and the keepers "last of family" counts.
/// </summary>
public sealed record FamilyStanding(
    string Family,
    int? Rank,
    IReadOnlyList<AmiImage> RankedNewestFirst,
    int Keepers)
{
    /// <summary>True when the image is among the newest <paramref name="keepNewest"/> (never deregistered or deprecated).</summary>
    public bool IsAmongNewest(int keepNewest) => Rank is { } rank && rank <= keepNewest;

    /// <summary>The standing of <paramref name="image"/> among <paramref name="images"/> (which should contain it). Pure, O(n log n).</summary>
    public static FamilyStanding Of(IReadOnlyList<AmiImage> images, AmiImage image, FamilyResolver resolver, string accountId)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(resolver);
        var family = resolver.Resolve(image);
        var members = images.Where(i => string.Equals(resolver.Resolve(i), family, StringComparison.Ordinal)).ToList();
        var index = new FamilyIndex(members, resolver, accountId);
        var ranked = members
            .Where(i => i.State == ImageState.Available && string.Equals(i.OwnerId, accountId, StringComparison.Ordinal))
            .OrderByDescending(i => i, Comparer<AmiImage>.Create(FamilyIndex.CompareAge))
            .ToList();
        var position = members.FindIndex(i => ReferenceEquals(i, image) || i == image);
        int? rank = position >= 0 && image.State == ImageState.Available && string.Equals(image.OwnerId, accountId, StringComparison.Ordinal)
            ? index.NewerCount(position, image) + 1
            : null;
        return new FamilyStanding(family, rank, ranked, members.Count == 0 ? 0 : index.Keepers(family));
    }
}
