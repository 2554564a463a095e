using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;

namespace AmiAutomation.Functions.Common;

/// <summary>
/// A sweep's pure planner and its candidate selection (e.g. <c>ExpiryPlanner.Plan</c> and <c>ExpiryPlanner.Candidates</c>).
/// Without a candidate selection the inventory reads the per-image references of every image.
/// </summary>
public sealed record SweepPlanner(
    Func<InventorySnapshot, PlanSelection, DateTimeOffset, Plan> Plan,
    Func<InventorySnapshot, PlanSelection, DateTimeOffset, IReadOnlySet<string>>? Candidates)
{
    /// <summary>The reader's candidate callback for one run; null = every image.</summary>
    public Func<InventorySnapshot, IReadOnlySet<string>>? CandidatesFor(PlanSelection selection, DateTimeOffset now) =>
        Candidates is { } candidates ? fleet => candidates(fleet, selection, now) : null;

    /// <summary>What <see cref="RunSummary.ReferenceCoverage"/> says for <paramref name="inventory"/>; null when every image was read.</summary>
    public static string? Coverage(InventorySnapshot inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        return inventory.PerImageReferencesReadFor is { } read
            ? $"DescribeImageReferences read for {read.Count} of {inventory.Images.Count} images (the ones a rule would act on if nothing referenced them); "
                + "the others are kept whatever it says, so their reasons may be partial (no in-use reason from that source)"
            : null;
    }
}
