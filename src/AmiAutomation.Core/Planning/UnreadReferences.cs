namespace AmiAutomation.Core.Planning;

/// <summary>
/// The blocker for an image the planners would act on although its per-image references were not read
/// (<see cref="Inventory.InventorySnapshot.PerImageReferencesReadFor"/>). Candidate selection makes this unreachable; it
/// is here so a wrong candidate set keeps an image instead of acting on it blind.
/// </summary>
internal static class UnreadReferences
{
    public static DecisionReason Reason { get; } = new(
        ReasonCode.InventoryIncomplete,
        "DescribeImageReferences was not read for this image (the sweep reads it only for the images a rule would act on); kept");
}
