using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;
using CsCheck;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>
/// Property: whatever the fleet and policy, a live expire run never loses an image that is in use (instance, old
/// launch template version, SSM parameter, launch configuration, open/disabled Spot request, active Spot Fleet — and
/// whatever else the simulator's own state says can launch it), kept (keep tag), recently launched, among the newest K
/// available images of its family, or the last keeper of its family. Consumers that cannot launch (closed Spot
/// request, cancelled Spot Fleet, instant EC2 Fleet override) pin nothing and leave their images to the policy.
/// </summary>
public sealed class ExpirePropertyTests
{
    private const string OtherImage = "ami-0fffffffffffffff0";

    private static readonly Gen<ImageSpec> ImageGen = Gen.Select(
        Gen.Int[0, 1], Gen.Int[1, 400], Gen.Int[-1, 90], Gen.Int[0, 4], Gen.Int[0, 9], Gen.Int[0, 19], Gen.Int[-1, 60], Gen.Int[0, 9], Gen.Bool,
        (family, age, deprecated, disabled, keep, use, launched, isPublic, expiresAt) => new ImageSpec(
            family, age, deprecated, disabled == 0, keep == 0, use < UsageKinds ? (Usage)use : Usage.None, launched, isPublic == 0, expiresAt));

    private static readonly Gen<FleetCase> CaseGen = Gen.Select(
        ImageGen.Array[1, 8], Gen.Int[1, 3], Gen.Int[1, 5], Gen.Bool, Gen.Bool,
        (images, keep, cap, retention, allowPublic) => new FleetCase(images, keep, cap, retention, allowPublic));

    private static readonly int UsageKinds = Enum.GetValues<Usage>().Length;

    private static int s_deregistered;
    private static int s_protectedCandidates;

    [Fact]
    public async Task Expire_AnyFleet_NeverLosesInUseKeptRecentNewestOrLastImage()
    {
        await CaseGen.SampleAsync(RunCaseAsync, iter: 1000);

        Assert.True(s_deregistered > 200, $"only {s_deregistered} deregistrations over 1000 fleets: the property would be vacuous");
        Assert.True(s_protectedCandidates > 200, $"only {s_protectedCandidates} protected yet eligible-looking images generated");
    }

    private static async Task RunCaseAsync(FleetCase fleet)
    {
        var h = new SweepHarness();
        h.Live()
            .Set(ExpireSettings.KeepNewestVariable, fleet.KeepNewest.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Set(ExpireSettings.MaxDeregistrationsPerRunVariable, fleet.Cap.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Set(ExpireSettings.AllowPublicVariable, fleet.AllowPublic ? "true" : "false");
        if (fleet.Retention)
        {
            h.Environment[ExpireSettings.ExpireOlderThanDaysVariable] = "60";
        }

        var ids = fleet.Images.Select((spec, i) => Seed(h, spec, i)).ToList();
        var mustStay = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            var spec = fleet.Images[i];
            if (Pins(spec.Use) || spec.Keep || spec.LaunchedDaysAgo is >= 0 and < 30)
            {
                mustStay.Add(ids[i]);
                if (spec.DeprecatedDaysAgo >= 30 || spec.ExpiresAtPassed)
                {
                    Interlocked.Increment(ref s_protectedCandidates);
                }
            }
        }

        // The simulator's ground truth of every consumer kind it models: the oracle never relies on the list above alone.
        mustStay.UnionWith(h.Ec2.ImagesInUse(SweepHarness.Region).Select(u => u.ImageId).Where(ids.Contains));

        var families = Enumerable.Range(0, ids.Count).GroupBy(i => fleet.Images[i].Family).ToList();
        foreach (var family in families)
        {
            foreach (var i in family.Where(i => !fleet.Images[i].Disabled)
                         .OrderBy(i => fleet.Images[i].AgeDays + (i / 1000.0))
                         .Take(fleet.KeepNewest))
            {
                mustStay.Add(ids[i]);
            }
        }

        var summary = await h.InvokeAsync(h.Expire());

        Interlocked.Add(ref s_deregistered, summary.Deregistration?.Deregistered ?? 0);
        var lost = mustStay.Where(id => h.Image(id) is null).ToList();
        Assert.True(lost.Count == 0, $"lost {string.Join(", ", lost)}; decisions: {string.Join(" | ", summary.Decisions.Select(d => $"{d.ImageId} {d.Outcome} {string.Join("; ", d.Reasons)}"))}");
        foreach (var family in families)
        {
            Assert.Contains(family, i => h.Image(ids[i]) is not null);
        }
    }

    private static string Seed(SweepHarness h, ImageSpec spec, int index)
    {
        var id = h.AddImage(b =>
        {
            b.Named($"f{spec.Family}-{index}").Tagged(TagNames.Family, "f" + spec.Family)
                .CreatedAgo(TimeSpan.FromDays(spec.AgeDays + (index / 1000.0)));
            if (spec.DeprecatedDaysAgo >= 0)
            {
                b.DeprecatedAt(SweepHarness.Start.AddDays(-spec.DeprecatedDaysAgo));
            }

            if (spec.Disabled)
            {
                b.Disabled();
            }

            if (spec.Keep)
            {
                b.Tagged(TagNames.Keep, "true");
            }

            if (spec.LaunchedDaysAgo >= 0)
            {
                b.LastLaunchedAt(SweepHarness.Start.AddDays(-spec.LaunchedDaysAgo));
            }

            if (spec.Public)
            {
                b.Public();
            }

            if (spec.ExpiresAtPassed)
            {
                b.Tagged(TagNames.ExpiresAt, "2026-01-01");
            }
        });
        switch (spec.Use)
        {
            case Usage.Instance:
                h.Ec2.AddInstance(SweepHarness.Region, id, "stopped");
                break;
            case Usage.OldTemplateVersion:
                h.Ec2.AddLaunchTemplate(SweepHarness.Region, "lt-" + index, id, OtherImage);
                h.Ec2.SetDefaultLaunchTemplateVersion(SweepHarness.Region, "lt-" + index, 2);
                break;
            case Usage.Ssm:
                h.Ec2.AddSsmParameter(SweepHarness.Region, "/golden/" + index, id);
                break;
            case Usage.LaunchConfiguration:
                h.Ec2.AddLaunchConfiguration(SweepHarness.Region, "lc-" + index, id);
                break;
            case Usage.InterruptedSpotRequest:
                h.Ec2.AddSpotRequest(SweepHarness.Region, id, "open", "persistent");
                break;
            case Usage.DisabledSpotRequest:
                h.Ec2.AddSpotRequest(SweepHarness.Region, id, "disabled", "persistent");
                break;
            case Usage.SpotFleet:
                h.Ec2.AddSpotFleet(SweepHarness.Region, [OtherImage, id], index % 2 == 0 ? "active" : "modifying");
                break;
            case Usage.ClosedSpotRequest:
                h.Ec2.AddSpotRequest(SweepHarness.Region, id, index % 2 == 0 ? "closed" : "cancelled", "one-time");
                break;
            case Usage.CancelledSpotFleet:
                h.Ec2.AddSpotFleet(SweepHarness.Region, [id], index % 2 == 0 ? "cancelled" : "cancelled_running");
                break;
            case Usage.InstantFleetOverride:
                var template = h.Ec2.AddLaunchTemplate(SweepHarness.Region, "fleet-lt-" + index, OtherImage);
                h.Ec2.AddFleet(SweepHarness.Region, "instant", template, [id]);
                break;
            default:
                break;
        }

        return id;
    }

    /// <summary>Consumers that can launch the image again.</summary>
    private static bool Pins(Usage use) => use is not (Usage.None or Usage.ClosedSpotRequest or Usage.CancelledSpotFleet or Usage.InstantFleetOverride);

    public enum Usage
    {
        None,
        Instance,
        OldTemplateVersion,
        Ssm,
        LaunchConfiguration,
        InterruptedSpotRequest,
        DisabledSpotRequest,
        SpotFleet,
        ClosedSpotRequest,
        CancelledSpotFleet,
        InstantFleetOverride,
    }

    public sealed record ImageSpec(
        int Family, int AgeDays, int DeprecatedDaysAgo, bool Disabled, bool Keep, Usage Use, int LaunchedDaysAgo, bool Public, bool ExpiresAtPassed);

    public sealed record FleetCase(ImageSpec[] Images, int KeepNewest, int Cap, bool Retention, bool AllowPublic);
}
