using AmiAutomation.Core.Families;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Protection;

namespace AmiAutomation.Core.Planning;

/// <summary>
/// The checks the deprecate and expire passes both run first on every image: outside the <see cref="PlanSelection"/>
/// → <see cref="ReasonCode.NotSelected"/>; otherwise every <see cref="ImageProtections"/> reason plus
/// <see cref="ReasonCode.NewestInFamily"/> for the newest <c>keepNewest</c> available images of the family.
/// </summary>
internal sealed class ImageGate(
    InventorySnapshot inventory, PlanSelection selection, FamilyIndex families, ProtectionOptions options, int keepNewest, DateTimeOffset now)
{
    private readonly List<DecisionReason> _protections = [];

    // Planners see unread launch permissions (null) as "not known yet", so the sweep can read them for the candidates
    // only; it then keeps every candidate still unread (SharedImageCheck.KeepUnread), and the executor reads them again.
    private readonly ProtectionOptions _options = options with { ProtectUnreadLaunchPermissions = false };

    /// <summary>A skip decision when the image is not selected or protected; null when the pass may plan it.</summary>
    public Decision? SkipIfGuarded(int index, AmiImage image, string family)
    {
        if (!selection.Includes(image.ImageId, family))
        {
            return Skip(image, family, [new(ReasonCode.NotSelected, selection.DescribeExclusion(image.ImageId, family))]);
        }

        var protections = _protections;
        protections.Clear();
        ImageProtections.AddTo(protections, image, inventory.AccountId, inventory.References, _options, now);
        if (families.IsAmongNewest(index, image, inventory.AccountId, keepNewest))
        {
            protections.Add(new(
                ReasonCode.NewestInFamily,
                $"among the newest {keepNewest} available image(s) of family '{family}' (number {families.NewerCount(index, image) + 1} of {families.RankedCount(family)})"));
        }

        return protections.Count > 0 ? Skip(image, family, [.. protections]) : null;
    }

    /// <summary>A <see cref="DecisionAction.None"/> decision with its reasons.</summary>
    public static Decision Skip(AmiImage image, string family, IReadOnlyList<DecisionReason> reasons) =>
        new() { Image = image, Family = family, Action = DecisionAction.None, Reasons = reasons };
}
