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
    /// <summary>Launch template id → the highest version the inventory read (empty when launch templates were not read):
    /// the re-check before a deregistration reads only templates and versions that came after.</summary>
    public IReadOnlyDictionary<string, long> LaunchTemplateVersionsRead { get; init; } = new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>
    /// The images whose per-image references (DescribeImageReferences) were read; null = every image (a full read, or the
    /// source switched off by the operator). A sweep reads them only for its candidates (the images a rule would act on
    /// if nothing referenced them); the planners never act on an image outside this set (fail closed).
    /// </summary>
    public IReadOnlySet<string>? PerImageReferencesReadFor { get; init; }

    /// <summary>True when the per-image references of <paramref name="imageId"/> were read (or need not be).</summary>
    public bool PerImageReferencesRead(string imageId) => PerImageReferencesReadFor is not { } read || read.Contains(imageId);

    /// <summary>True when every source is complete or deliberately disabled.</summary>
    public bool IsComplete => Sources.All(s => s.Status is SourceStatus.Complete or SourceStatus.Disabled);

    /// <summary>Sources that failed or look truncated; non-empty means no destructive action may run.</summary>
    public IReadOnlyList<SourceReport> FailedSources =>
        [.. Sources.Where(s => s.Status is SourceStatus.Failed or SourceStatus.Truncated)];
}
