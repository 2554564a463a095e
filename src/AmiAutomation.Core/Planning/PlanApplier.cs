using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.References;

namespace AmiAutomation.Core.Planning;

/// <summary>
/// Simulates carrying out a plan on an inventory, for tests and what-if runs ("execute, then plan again"):
/// a deprecation sets <see cref="AmiImage.DeprecationTime"/>; a deregistration removes the image and any reference
/// to it. Sources are carried over unchanged. Pure: returns a new snapshot.
/// </summary>
public static class PlanApplier
{
    /// <exception cref="ArgumentException">The plan is for another region, names an image the inventory lacks, has a
    /// deprecation without a time, or holds an action this applier does not simulate (copy, finish copy, restore).</exception>
    public static InventorySnapshot Apply(InventorySnapshot inventory, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(plan);
        if (!string.Equals(plan.Region, inventory.Region, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The plan is for region {plan.Region}, the inventory for {inventory.Region}.", nameof(plan));
        }

        var actions = new Dictionary<string, Decision>(StringComparer.Ordinal);
        foreach (var decision in plan.Decisions)
        {
            switch (decision.Action)
            {
                case DecisionAction.None:
                    continue;
                case DecisionAction.Deprecate when decision.DeprecateAt is null:
                    throw new ArgumentException($"The deprecation of {decision.Image.ImageId} has no DeprecateAt.", nameof(plan));
                case DecisionAction.Deprecate or DecisionAction.Deregister or DecisionAction.Disable:
                    actions[decision.Image.ImageId] = decision;
                    break;
                default:
                    throw new ArgumentException($"PlanApplier does not simulate {decision.Action} (image {decision.Image.ImageId}).", nameof(plan));
            }
        }

        var images = new List<AmiImage>(inventory.Images.Count);
        var removed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var image in inventory.Images)
        {
            if (!actions.Remove(image.ImageId, out var decision))
            {
                images.Add(image);
            }
            else if (decision.Action == DecisionAction.Deregister)
            {
                removed.Add(image.ImageId);
            }
            else if (decision.Action == DecisionAction.Disable)
            {
                // DisableImage drops every launch permission and makes a public image private.
                images.Add(image with { State = ImageState.Disabled, LaunchPermissions = [], IsPublic = false });
            }
            else
            {
                images.Add(image with { DeprecationTime = decision.DeprecateAt });
            }
        }

        if (actions.Count > 0)
        {
            throw new ArgumentException($"The plan acts on image(s) not in the inventory: {string.Join(", ", actions.Keys)}.", nameof(plan));
        }

        var references = removed.Count == 0 ? inventory.References : Without(inventory.References, removed);
        return inventory with { Images = images, References = references };
    }

    private static ReferenceIndex Without(ReferenceIndex references, HashSet<string> removed)
    {
        var kept = new List<ImageReference>(references.Count);
        foreach (var imageId in references.ReferencedImageIds)
        {
            if (!removed.Contains(imageId))
            {
                kept.AddRange(references.For(imageId));
            }
        }

        return new ReferenceIndex(kept);
    }
}
