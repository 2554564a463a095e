using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;
using CsCheck;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>
/// Property: whatever the fleet and policy, a live expire run never loses an image that is in use (instance, old
/// launch template version, SSM parameter), kept (keep tag), recently launched, among the newest K available images of
/// its family, or the last keeper of its family.
/// </summary>
public sealed class ExpirePropertyTests
{
    private const string OtherImage = "ami-0fffffffffffffff0";

    private static readonly Gen<ImageSpec> ImageGen = Gen.Select(
        Gen.Int[0, 1], Gen.Int[1, 400], Gen.Int[-1, 90], Gen.Int[0, 4], Gen.Int[0, 9], Gen.Int[0, 7], Gen.Int[-1, 60], Gen.Int[0, 9], Gen.Bool,
        (family, age, deprecated, disabled, keep, use, launched, isPublic, expiresAt) => new ImageSpec(
            family, age, deprecated, disabled == 0, keep == 0, use < 4 ? (Usage)use : Usage.None, launched, isPublic == 0, expiresAt));

    private static readonly Gen<FleetCase> CaseGen = Gen.Select(
        ImageGen.Array[1, 8], Gen.Int[1, 3], Gen.Int[1, 5], Gen.Bool, Gen.Bool,
        (images, keep, cap, retention, allowPublic) => new FleetCase(images, keep, cap, retention, allowPublic));

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
            if (spec.Use != Usage.None || spec.Keep || spec.LaunchedDaysAgo is >= 0 and < 30)
            {
                mustStay.Add(ids[i]);
                if (spec.DeprecatedDaysAgo >= 30 || spec.ExpiresAtPassed)
                {
                    Interlocked.Increment(ref s_protectedCandidates);
                }
            }
        }

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
            default:
                break;
        }

        return id;
    }

    public enum Usage
    {
        None,
        Instance,
        OldTemplateVersion,
        Ssm,
    }

    public sealed record ImageSpec(
        int Family, int AgeDays, int DeprecatedDaysAgo, bool Disabled, bool Keep, Usage Use, int LaunchedDaysAgo, bool Public, bool ExpiresAtPassed);

    public sealed record FleetCase(ImageSpec[] Images, int KeepNewest, int Cap, bool Retention, bool AllowPublic);
}
