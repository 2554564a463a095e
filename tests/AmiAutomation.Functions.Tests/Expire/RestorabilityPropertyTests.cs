using System.Globalization;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Simulation.Seeding;
using CsCheck;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>
/// Property: whatever the fleet (image and snapshot tags) and the Recycle Bin rules (types, retention, tag-level on our
/// tag or another, key-only, region-level with exclusions, pending), a live expire run never deletes an image or a
/// snapshot for good — every deregistered image and deleted snapshot is in the bin afterwards, or the run was blocked
/// before deleting it. When a rule is removed mid-run (after the k-th DeregisterImage), at most one image (with its
/// snapshots) is lost, and the latch is then set and nothing is deregistered after it.
/// </summary>
public sealed class RestorabilityPropertyTests
{
    private static readonly Gen<ImageSpec> ImageGen = Gen.Select(Gen.Int[1, 3], Gen.Int[0, 3], Gen.Int[0, 3], (snapshots, team, tier) => new ImageSpec(snapshots, team, tier));

    private static readonly Gen<RuleSpec> RuleGen = Gen.Select(Gen.Bool, Gen.Int[1, 60], Gen.Int[0, 5], Gen.Int[0, 4], (image, days, kind, pending) => new RuleSpec(image, days, kind, pending == 0));

    /// <summary>Half the cases start from a working pair (images 20 days, snapshots 60 days on our tag), so plenty
    /// of runs deregister and the extra random rules have something to break.</summary>
    private static readonly RuleSpec[] Baseline = [new(true, 20, 0, false), new(false, 60, 1, false)];

    private static readonly Gen<PropertyCase> CaseGen = Gen.Select(
        ImageGen.Array[1, 5], RuleGen.Array[0, 3], Gen.Bool, Gen.Int[0, 4], Gen.Int[0, 9],
        (images, rules, baseline, removeAfter, denial) => new PropertyCase(images, baseline ? [.. Baseline, .. rules] : rules, removeAfter, denial));

    private static int s_deregistered;
    private static int s_blocked;
    private static int s_latched;

    [Fact]
    public async Task Expire_AnyFleetAndRules_EveryDeletionInTheBinOrBlockedBefore()
    {
        await CaseGen.SampleAsync(RunCaseAsync, iter: 1000);

        Console.WriteLine($"restorability property: {s_deregistered} deregistrations, {s_blocked} blocked runs, {s_latched} latched runs");
        Assert.True(s_deregistered > 300, $"only {s_deregistered} deregistrations over 1000 cases: the property would be vacuous");
        Assert.True(s_blocked > 200, $"only {s_blocked} blocked runs over 1000 cases");
        Assert.True(s_latched > 20, $"only {s_latched} latched runs over 1000 cases");
    }

    private static async Task RunCaseAsync(PropertyCase c)
    {
        var h = new SweepHarness();
        h.Live().Set(ExpireSettings.KeepNewestVariable, "1").Set(ExpireSettings.RecycleBinCheckSecondsVariable, "4");
        h.Ec2.ClearRecycleBinRules(SweepHarness.Region);
        var ruleIds = c.Rules.Select(r => h.Ec2.AddRecycleBinRule(SweepHarness.Region, ToRule(r))).ToList();
        var client = h.Ec2.ClientFor(SweepHarness.Region);
        var ids = new List<string>();
        var snapshotsOf = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var i = 0; i < c.Images.Length; i++)
        {
            var spec = c.Images[i];
            var index = i;
            var id = h.AddImage(b =>
            {
                b.Named($"svc-{index}").Tagged(TagNames.Family, "svc").CreatedDaysAgo(300 - index).DeprecatedAt(SweepHarness.Start.AddDays(-60));
                if (spec.Team > 0)
                {
                    b.Tagged("team", spec.Team == 1 ? "a" : "b");
                }

                for (var s = 0; s < spec.Snapshots; s++)
                {
                    b.WithSnapshot(8 + s);
                }
            });
            if (spec.Tier > 0)
            {
                var snapshot = h.Ec2.SnapshotIdsOf(SweepHarness.Region, id)[0];
                await client.CreateTagsAsync(new Amazon.EC2.Model.CreateTagsRequest { Resources = [snapshot], Tags = [new("tier", spec.Tier == 1 ? "x" : "y")] });
            }

            ids.Add(id);
            snapshotsOf[id] = h.Ec2.SnapshotIdsOf(SweepHarness.Region, id);
        }

        h.AddImage(b => b.Named("svc-new").Tagged(TagNames.Family, "svc").CreatedDaysAgo(1));
        var mutated = c.RemoveAfter > 0 && ruleIds.Count > 0;
        if (mutated)
        {
            h.Ec2.After("DeregisterImage", c.RemoveAfter, () => h.Ec2.RemoveRecycleBinRule(SweepHarness.Region, ruleIds[c.RemoveAfter % ruleIds.Count]));
        }

        if (c.Denial == 0)
        {
            h.Ec2.Access.Deny(c.RemoveAfter % 2 == 0 ? "ListImagesInRecycleBin" : "ListSnapshotsInRecycleBin");
        }

        var summary = await h.InvokeAdvancingClockAsync(h.Expire());

        var deregistered = ids.Where(id => h.Image(id) is null).ToList();
        var lostImages = deregistered.Where(id => h.Ec2.IsImageGone(SweepHarness.Region, id)).ToList();
        var lostSnapshots = deregistered.SelectMany(id => snapshotsOf[id].Select(s => (Image: id, Snapshot: s)))
            .Where(p => h.Ec2.FindSnapshot(SweepHarness.Region, p.Snapshot) is null && !h.Ec2.IsSnapshotInRecycleBin(SweepHarness.Region, p.Snapshot))
            .ToList();
        var lostOwners = lostImages.Concat(lostSnapshots.Select(p => p.Image)).Distinct(StringComparer.Ordinal).ToList();
        var describe = $"case {c}; blocked: {summary.BlockedReason}; abort: {summary.AbortReason}; lost images [{string.Join(", ", lostImages)}], snapshots [{string.Join(", ", lostSnapshots)}]";

        Interlocked.Add(ref s_deregistered, deregistered.Count);
        if (summary.BlockedReason is not null)
        {
            Interlocked.Increment(ref s_blocked);
            Assert.True(deregistered.Count == 0, "blocked yet deregistered: " + describe);
        }

        if (!mutated)
        {
            Assert.True(lostOwners.Count == 0, "lost without any rule change: " + describe);
        }
        else
        {
            Assert.True(lostOwners.Count <= 1, "more than one image affected by a mid-run rule change: " + describe);
        }

        if (lostOwners.Count > 0 || summary.Latch is not null)
        {
            Interlocked.Increment(ref s_latched);
            Assert.True(h.Ledger.LatchOf(SweepHarness.Region) is { IsSet: true }, "a miss without the latch: " + describe);
            Assert.True(summary.DestructiveRunAborted, "a miss without an abort: " + describe);
            var order = summary.Decisions.Where(d => ids.Contains(d.ImageId)).Select(d => d.ImageId).ToList();
            var missAt = lostOwners.Count > 0 ? order.IndexOf(lostOwners[0]) : -1;
            Assert.True(missAt < 0 || order.Skip(missAt + 1).All(id => h.Image(id) is not null), "deregistered after a miss: " + describe);
        }
    }

    private static RecycleBinRule ToRule(RuleSpec r)
    {
        var type = r.Image ? RecycleBinResourceType.Ec2Image : RecycleBinResourceType.EbsSnapshot;
        var rule = new RecycleBinRule(type, r.Days) { IsAvailable = !r.Pending, Description = "p" };
        return r.Kind switch
        {
            0 => rule,
            1 => rule with { ResourceTags = [new(TagNames.RecycleBin, TagNames.RecycleBinValue)] },
            2 => rule with { ResourceTags = [new("team", "b")] },
            3 => rule with { ResourceTags = [new(TagNames.RecycleBin, null)] },
            4 => rule with { ExcludeResourceTags = [new("team", "a")] },
            _ => rule with { ExcludeResourceTags = [new("tier", "x")] },
        };
    }

    public sealed record ImageSpec(int Snapshots, int Team, int Tier);

    public sealed record RuleSpec(bool Image, int Days, int Kind, bool Pending);

    public sealed record PropertyCase(ImageSpec[] Images, RuleSpec[] Rules, int RemoveAfter, int Denial)
    {
        public override string ToString() =>
            $"images [{string.Join(", ", Images.Select(i => $"{i.Snapshots}s team{i.Team} tier{i.Tier}"))}] rules [{string.Join(", ", Rules.Select(r => $"{(r.Image ? "IMG" : "SNAP")} {r.Days.ToString(CultureInfo.InvariantCulture)}d k{r.Kind}{(r.Pending ? " pending" : "")}"))}] removeAfter {RemoveAfter} denial {Denial}";
    }
}
