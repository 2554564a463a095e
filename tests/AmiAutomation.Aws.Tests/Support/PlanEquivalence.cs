using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.References;

namespace AmiAutomation.Aws.Tests.Support;

/// <summary>
/// The plan from candidates first against the plan from the full read, decision for decision: same images in the same
/// order, same actions; acted images with the same reasons and time; kept images with no reason code the full plan
/// lacks, except a non-candidate the full read keeps as in use through DescribeImageReferences (unread, it is kept for
/// the reasons that apply without it). The unread-references blocker never fires.
/// </summary>
internal static class PlanEquivalence
{
    public static void AssertEquivalent(InventorySnapshot fullInventory, Plan full, Plan first, IReadOnlySet<string> candidates)
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
                continue;
            }

            var codes = a.Reasons.Select(r => r.Code).ToHashSet();
            var unreadInUse = !candidates.Contains(a.Image.ImageId)
                && codes.Contains(ReasonCode.InUse)
                && fullInventory.References.For(a.Image.ImageId).Any(r => r.Kind == ReferenceKind.ImageReferencesApi);
            Assert.True(unreadInUse || b.Reasons.All(r => codes.Contains(r.Code)), $"{a.Image.ImageId}: candidates first gives {Text(b)}, the full read {Text(a)}");
        }
    }

    private static string Text(Decision decision) => string.Join(" | ", decision.Reasons.Select(r => r.ToString()));
}
