using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;

namespace AmiAutomation.Core.Families;

/// <summary>
/// Counts a family again right before one of its images is deregistered, from the images that exist now (what other
/// runs, people or tools removed meanwhile included), with the planner's own rules: the image must not be among the
/// newest K available images, and the family must keep at least one other owned available-or-disabled image.
/// Pure: the caller reads the images.
/// </summary>
public static class FamilyRecount
{
    /// <summary>Null when <paramref name="candidate"/> may go; otherwise the reason it must stay.</summary>
    /// <param name="candidate">The image as re-read right before the call.</param>
    /// <param name="family">The family the plan put it in.</param>
    /// <param name="current">Images read just now: at least every image of <paramref name="family"/> (others are ignored).</param>
    public static DecisionReason? Check(AmiImage candidate, string family, IReadOnlyList<AmiImage> current, FamilyKeepRule rule, string accountId)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(rule);
        var members = current
            .Where(i => !string.Equals(i.ImageId, candidate.ImageId, StringComparison.Ordinal)
                && string.Equals(rule.Resolver.Resolve(i), family, StringComparison.Ordinal))
            .Append(candidate)
            .ToList();
        var index = new FamilyIndex(members, rule.Resolver, accountId);
        var self = members.Count - 1;
        var resolved = index.FamilyOf(self);
        if (!string.Equals(resolved, family, StringComparison.Ordinal))
        {
            return new(ReasonCode.LastOfFamily, $"the image's family is now '{resolved}', not '{family}' as planned; not deregistered on a stale count");
        }

        if (index.IsAmongNewest(self, candidate, accountId, rule.KeepNewest))
        {
            return new(
                ReasonCode.NewestInFamily,
                $"counted again right before deregistration: now among the newest {rule.KeepNewest} of the {index.RankedCount(family)} available image(s) of family '{family}'");
        }

        var keepers = index.Keepers(family) - (IsKeeper(candidate, accountId) ? 1 : 0);
        return keepers >= 1
            ? null
            : new(ReasonCode.LastOfFamily, $"counted again right before deregistration: no other available-or-disabled image of family '{family}' exists now");
    }

    private static bool IsKeeper(AmiImage image, string accountId) =>
        string.Equals(image.OwnerId, accountId, StringComparison.Ordinal) && image.State is ImageState.Available or ImageState.Disabled;
}
