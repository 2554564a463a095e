using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.References;

namespace AmiAutomation.Core.Tests.Generators;

/// <summary>
/// What the inventory reader does candidates first, modelled on a generated fleet: the fleet-wide snapshot holds every
/// reference but the per-image ones (DescribeImageReferences) and an ImageReferences source not read yet; the final
/// snapshot adds the per-image references of the candidates only. A failed or truncated ImageReferences source stays so
/// when it makes a call (C &gt; 0); with no candidate it makes none and is complete.
/// </summary>
internal static class CandidatesFirstModel
{
    public const ReferenceKind PerImage = ReferenceKind.ImageReferencesApi;

    public static InventorySnapshot Fleet(InventorySnapshot full) => full with
    {
        References = new ReferenceIndex(All(full).Where(r => r.Kind != PerImage)),
        Sources = [.. full.Sources.Select(s => s.Source == InventorySource.ImageReferences && s.Status != SourceStatus.Disabled
            ? s with { Status = SourceStatus.Failed, Error = "not read yet" }
            : s)],
        PerImageReferencesReadFor = new HashSet<string>(StringComparer.Ordinal),
    };

    public static InventorySnapshot Final(InventorySnapshot full, IReadOnlySet<string> candidates)
    {
        var disabled = full.Sources.Any(s => s.Source == InventorySource.ImageReferences && s.Status == SourceStatus.Disabled);
        return full with
        {
            References = new ReferenceIndex(All(full).Where(r => r.Kind != PerImage || disabled || candidates.Contains(r.ImageId))),
            Sources = [.. full.Sources.Select(s => s.Source == InventorySource.ImageReferences && s.Status != SourceStatus.Disabled && candidates.Count == 0
                ? s with { Status = SourceStatus.Complete, Error = null }
                : s)],
            PerImageReferencesReadFor = disabled ? null : candidates,
        };
    }

    /// <summary>
    /// Decision for decision: the same images in the same order, the same actions; acted images with the same reasons and
    /// time; kept images with no reason code the full plan lacks (they may lack some), except a non-candidate the full read
    /// keeps as in use through a per-image reference: unread, it is kept for the reasons that apply without it (not due,
    /// already deprecated, …), which the full read does not list because in-use stops it first.
    /// The unread-references blocker never fires (candidate selection covers every image the plan can act on).
    /// </summary>
    public static void AssertEquivalent(InventorySnapshot inventory, Plan full, Plan first, IReadOnlySet<string> candidates)
    {
        Assert.Equal(full.Decisions.Count, first.Decisions.Count);
        for (var i = 0; i < full.Decisions.Count; i++)
        {
            var (a, b) = (full.Decisions[i], first.Decisions[i]);
            Assert.Equal(a.Image.ImageId, b.Image.ImageId);
            Assert.True(a.Action == b.Action, $"{a.Image.ImageId}: full read {a.Action} ({Text(a)}), candidates first {b.Action} ({Text(b)})");
            Assert.DoesNotContain(b.Reasons, r => r.Detail.StartsWith("DescribeImageReferences was not read", StringComparison.Ordinal));
            if (a.Acts)
            {
                Assert.Contains(a.Image.ImageId, candidates);
                Assert.Equal(Text(a), Text(b));
                Assert.Equal(a.DeprecateAt, b.DeprecateAt);
            }
            else
            {
                var codes = a.Reasons.Select(r => r.Code).ToHashSet();
                var unreadInUse = !candidates.Contains(a.Image.ImageId)
                    && codes.Contains(ReasonCode.InUse)
                    && inventory.References.For(a.Image.ImageId).Any(r => r.Kind == PerImage);
                Assert.True(unreadInUse || b.Reasons.All(r => codes.Contains(r.Code)), $"{a.Image.ImageId}: candidates first gives {Text(b)}, the full read {Text(a)}");
            }
        }
    }

    private static string Text(Decision decision) => string.Join(" | ", decision.Reasons.Select(r => r.ToString()));

    private static IEnumerable<ImageReference> All(InventorySnapshot snapshot) =>
        snapshot.References.ReferencedImageIds.ToList().SelectMany(snapshot.References.For);
}
