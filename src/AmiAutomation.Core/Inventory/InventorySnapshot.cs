using AmiAutomation.Core.Images;
using AmiAutomation.Core.References;

namespace AmiAutomation.Core.Inventory;

/// <summary>
/// What one region looked like at one moment: owned images, everything that references them,
/// and how each source fared. Planners take this plus policy and time, nothing else.
/// </summary>
public sealed record InventorySnapshot(
    string Region,
    string AccountId,
    IReadOnlyList<AmiImage> Images,
    ReferenceIndex References,
    IReadOnlyList<SourceReport> Sources)
{
    /// <summary>True when every source is complete or deliberately disabled.</summary>
    public bool IsComplete => Sources.All(s => s.Status is SourceStatus.Complete or SourceStatus.Disabled);

    /// <summary>Sources that failed or look truncated; non-empty means no destructive action may run.</summary>
    public IReadOnlyList<SourceReport> FailedSources =>
        [.. Sources.Where(s => s.Status is SourceStatus.Failed or SourceStatus.Truncated)];
}
