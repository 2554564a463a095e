using AmiAutomation.Core.Families;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Protection;
using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Core.Tests.Generators;

/// <summary>
/// An independent, deliberately naive (LINQ, O(n²)) statement of the never-act rules, used to check the planners'
/// output on generated fleets.
/// </summary>
internal static class Oracle
{
    /// <summary>The rule the image would break if acted on, or null when acting is allowed by the never-list.</summary>
    public static string? ForbiddenBecause(InventorySnapshot inventory, AmiImage image, ProtectionOptions options, int keepNewest, DateTimeOffset now)
    {
        if (image.OwnerId != inventory.AccountId)
        {
            return "not owned";
        }

        if (image.State is not (ImageState.Available or ImageState.Disabled))
        {
            return $"state {image.State}";
        }

        if (inventory.References.For(image.ImageId).Count > 0)
        {
            return "in use";
        }

        if (image.Tags.TryGetValue(TagNames.Keep, out var keep) && !System.Text.Ascii.EqualsIgnoreCase(keep, "false"))
        {
            return "keep tag";
        }

        if (image.Tags.TryGetValue(TagNames.KeepUntil, out var until) && (!TagTime.TryParse(until, out var untilTime) || untilTime > now))
        {
            return "held";
        }

        if (image.DeregistrationProtected)
        {
            return "deregistration protected";
        }

        if (image.ManagedBy == ImageManager.AwsBackup
            || (image.ManagedBy == ImageManager.DataLifecycleManager && !options.IncludeDataLifecycleManagerImages)
            || (image.ManagedBy == ImageManager.ImageBuilder && !options.IncludeImageBuilderImages))
        {
            return $"managed by {image.ManagedBy}";
        }

        if (!options.AllowPublic && (image.IsPublic || (image.LaunchPermissions ?? []).Any(p => p.Kind == LaunchPermissionKind.Public)))
        {
            return "public";
        }

        if (options.SharedImages != SharedImageRule.Allow
            && ((image.LaunchPermissions ?? []).Any(p => p.Kind is LaunchPermissionKind.Organization or LaunchPermissionKind.OrganizationalUnit
                    || (p.Kind == LaunchPermissionKind.Account && p.Value != inventory.AccountId))))
        {
            return "shared";
        }

        if (!options.AllowInstanceStore && image.RootDevice == RootDeviceKind.InstanceStore)
        {
            return "instance store";
        }

        if (options.RecentLaunchWindow is { } window && image.LastLaunchedTime is { } launched && launched > now - window)
        {
            return "recently launched";
        }

        if (NewestOfFamily(inventory, FamilyResolver.Default.Resolve(image), keepNewest).Contains(image.ImageId))
        {
            return "newest K";
        }

        return null;
    }

    /// <summary>The ids of the newest <paramref name="keep"/> owned available images of a family.</summary>
    public static HashSet<string> NewestOfFamily(InventorySnapshot inventory, string family, int keep) =>
    [
        .. inventory.Images
            .Where(i => i.OwnerId == inventory.AccountId && i.State == ImageState.Available && FamilyResolver.Default.Resolve(i) == family)
            .OrderByDescending(i => i.CreationDate)
            .ThenByDescending(i => i.ImageId, StringComparer.Ordinal)
            .Take(keep)
            .Select(i => i.ImageId),
    ];

    /// <summary>Owned available-or-disabled images per family.</summary>
    public static Dictionary<string, int> KeepersByFamily(InventorySnapshot inventory) =>
        inventory.Images
            .Where(i => i.OwnerId == inventory.AccountId && i.State is ImageState.Available or ImageState.Disabled)
            .GroupBy(i => FamilyResolver.Default.Resolve(i), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
