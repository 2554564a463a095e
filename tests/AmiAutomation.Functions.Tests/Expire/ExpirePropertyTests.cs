using System.Collections.Concurrent;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;
using CsCheck;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>
/// Property: whatever the fleet and policy, a live expire run never loses an image that is in use (instance in any
/// live state, launch template version at any depth, SSM parameter, launch configuration, open/disabled Spot request,
/// active Spot Fleet — and whatever else the simulator's own state says can launch it), shared with another account, kept (keep tag), held (keep-until, extreme and
/// unreadable dates included), protected, managed by AWS Backup/DLM/Image Builder, public, instance store-backed, not
/// available, recently launched, among the newest K available images of its family, or the last keeper of its family;
/// and when any source fails or its paging loops, it deregisters nothing. The run also counts how often each case was
/// reached by an image the rules would otherwise retire, so the property cannot go vacuous unnoticed.
/// </summary>
public sealed class ExpirePropertyTests
{
    private const string OtherImage = "ami-0fffffffffffffff0";

    private static readonly string[] InstanceStates = ["pending", "running", "stopping", "stopped", "shutting-down", "terminated"];

    private static readonly string[] SourceActions =
        ["DescribeImages", "DescribeInstances", "DescribeLaunchTemplates", "DescribeLaunchTemplateVersions", "DescribeImageReferences"];

    private static readonly Gen<ImageSpec> ImageGen = Gen.Select(
        Gen.Int[0, 1], Gen.Int[1, 400], Gen.Int[-1, 90], Gen.Int[0, 4], Gen.Int[0, 9], Gen.Int[0, 19], Gen.Int[-1, 60], Gen.Int[0, 9], Gen.Bool,
        (family, age, deprecated, disabled, keep, use, launched, isPublic, expiresAt) => new ImageSpec(
            family, age, deprecated, disabled == 0, keep == 0, use < UsageKinds ? (Usage)use : Usage.None, launched, isPublic == 0, expiresAt));

    private static readonly Gen<EdgeSpec> EdgeGen = Gen.Select(
        Gen.Int[0, InstanceStates.Length - 1], Gen.Int[1, 25], Gen.Int[0, 24], Gen.Int[0, 35],
        (state, depth, hold, extra) => new EdgeSpec(InstanceStates[state], depth, hold, extra));

    private static readonly Gen<FleetCase> CaseGen = Gen.Select(
        Gen.Select(ImageGen, EdgeGen).Array[1, 8], Gen.Int[1, 3], Gen.Int[1, 5], Gen.Bool, Gen.Bool, Gen.Int[0, 79],
        (images, keep, cap, retention, allowPublic, fault) => new FleetCase(
            [.. images.Select(i => i.Item1)], [.. images.Select(i => i.Item2)], keep, cap, retention, allowPublic, fault));

    private static readonly int UsageKinds = Enum.GetValues<Usage>().Length;

    private static readonly ConcurrentDictionary<string, int> s_reached = new(StringComparer.Ordinal);
    private static int s_deregistered;

    [Fact]
    public async Task Expire_AnyFleet_NeverLosesAPinnedKeptProtectedNewestOrLastImage()
    {
        await CaseGen.SampleAsync(RunCaseAsync, iter: 1000);

        Assert.True(s_deregistered > 200, $"only {s_deregistered} deregistrations over 1000 fleets: the property would be vacuous");
        string[] cases =
        [
            .. InstanceStates.Select(s => "instance " + s), "template depth ≤ 10", "template depth > 10", "ssm", "keep", "recently launched",
            "hold future", "hold unreadable", "hold 9999", "hold 9999 date-only", "hold date-only future", "protected", "aws-backup", "dlm", "image-builder",
            "instance-store", "pending", "failed", "public", "shared",
            "launch configuration", "spot request open", "spot request disabled", "spot fleet", .. SourceActions.SelectMany(a => new[] { "fail " + a, "loop " + a }),
        ];
        var missing = cases.Where(c => s_reached.GetValueOrDefault(c) < 3).ToList();
        Assert.True(missing.Count == 0, "cases reached fewer than 3 times by an otherwise eligible image (or fleet): " + string.Join(", ", missing));
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

        var ids = fleet.Images.Select((spec, i) => Seed(h, spec, fleet.Edges[i], i)).ToList();
        var fault = InjectFault(h, fleet.Fault, fleet.KeepNewest);
        var mustStay = new HashSet<string>(StringComparer.Ordinal);
        var why = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            var reasons = MustStayBecause(fleet, fleet.Images[i], fleet.Edges[i]);
            why[ids[i]] = $"{fleet.Images[i]} {fleet.Edges[i]}: {string.Join(", ", reasons)}";
            if (reasons.Count > 0)
            {
                mustStay.Add(ids[i]);
            }

            var spec = fleet.Images[i];
            if (spec.DeprecatedDaysAgo >= 30 || spec.ExpiresAtPassed || (fleet.Retention && spec.AgeDays >= 60))
            {
                var unprotecting = new[]
                {
                    spec.Use == Usage.Instance && fleet.Edges[i].InstanceState == "terminated" ? "instance terminated" : string.Empty,
                };
                foreach (var reason in reasons.Concat(unprotecting).Where(r => r.Length > 0))
                {
                    s_reached.AddOrUpdate(reason, 1, (_, n) => n + 1);
                }
            }
        }

        // The simulator's ground truth of every consumer kind it models: the oracle never relies on the list above alone.
        mustStay.UnionWith(h.Ec2.ImagesInUse(SweepHarness.Region).Select(u => u.ImageId).Where(ids.Contains));

        var families = Enumerable.Range(0, ids.Count).GroupBy(i => fleet.Images[i].Family).ToList();
        foreach (var family in families)
        {
            foreach (var i in family.Where(i => StateOf(fleet.Images[i], fleet.Edges[i]) == "available")
                         .OrderBy(i => fleet.Images[i].AgeDays + (i / 1000.0))
                         .Take(fleet.KeepNewest))
            {
                mustStay.Add(ids[i]);
            }
        }

        var summary = await h.InvokeAsync(h.Expire());

        Interlocked.Add(ref s_deregistered, summary.Deregistration?.Deregistered ?? 0);
        var decisions = string.Join(" | ", summary.Decisions.Select(d => $"{d.ImageId} {d.Outcome} {string.Join("; ", d.Reasons)}"));
        if (fault is not null && h.Ec2.Calls.CountOf(fault.Value.Action) > 0)
        {
            s_reached.AddOrUpdate(fault.Value.Name, 1, (_, n) => n + 1);
            Assert.True(summary.FailedSources.Count > 0, $"{fault.Value.Name} went unnoticed; decisions: {decisions}");
            Assert.Equal(0, h.Ec2.Calls.CountOf("DeregisterImage"));
            Assert.All(ids, id => Assert.NotNull(h.Image(id)));
            return;
        }

        var lost = mustStay.Where(id => h.Image(id) is null).ToList();
        Assert.True(lost.Count == 0, $"lost {string.Join(", ", lost.Select(id => $"{id} ({why[id]})"))}; decisions: {decisions}");
        foreach (var family in families.Where(f => f.Any(i => StateOf(fleet.Images[i], fleet.Edges[i]) is "available" or "disabled")))
        {
            Assert.Contains(family, i => h.Image(ids[i]) is not null);
        }
    }

    /// <summary>Every case that keeps this image (empty: the rules may retire it), named as the reach counters name them.</summary>
    private static List<string> MustStayBecause(FleetCase fleet, ImageSpec spec, EdgeSpec edge)
    {
        var reasons = new List<string>();
        switch (spec.Use)
        {
            case Usage.Instance when edge.InstanceState != "terminated":
                reasons.Add("instance " + edge.InstanceState);
                break;
            case Usage.OldTemplateVersion:
                reasons.Add(edge.TemplateDepth > 10 ? "template depth > 10" : "template depth ≤ 10");
                break;
            case Usage.Ssm:
                reasons.Add("ssm");
                break;
            case Usage.LaunchConfiguration:
                reasons.Add("launch configuration");
                break;
            case Usage.InterruptedSpotRequest:
                reasons.Add("spot request open");
                break;
            case Usage.DisabledSpotRequest:
                reasons.Add("spot request disabled");
                break;
            case Usage.SpotFleet:
                reasons.Add("spot fleet");
                break;
            default:
                break;
        }

        if (spec.Keep)
        {
            reasons.Add("keep");
        }

        if (spec.LaunchedDaysAgo is >= 0 and < 30)
        {
            reasons.Add("recently launched");
        }

        if (HoldOf(edge) is { Keeps: true } hold)
        {
            reasons.Add("hold " + hold.Name);
        }

        reasons.AddRange(edge.Extra switch
        {
            0 => ["protected"],
            1 => ["aws-backup"],
            2 => ["dlm"],
            3 => ["image-builder"],
            4 => ["instance-store"],
            5 => ["pending"],
            6 => ["failed"],
            _ => Array.Empty<string>(),
        });
        // Shared with another account: never deregistered by default (SharedImage). A disabled image has no launch permissions.
        if (edge.Extra == 7 && StateOf(spec, edge) != "disabled")
        {
            reasons.Add("shared");
        }

        // DisableImage removes every launch permission (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/disable-an-ami.html).
        if (spec.Public && !fleet.AllowPublic && StateOf(spec, edge) != "disabled")
        {
            reasons.Add("public");
        }

        return reasons;
    }

    private static string StateOf(ImageSpec spec, EdgeSpec edge) =>
        edge.Extra switch { 5 => "pending", 6 => "failed", _ => spec.Disabled ? "disabled" : "available" };

    /// <summary>keep-until values: future, past, unreadable, extreme and date-only; null for none.</summary>
    private static (string Name, string Value, bool Keeps)? HoldOf(EdgeSpec edge) => edge.Hold switch
    {
        0 => ("future", TagTime.Format(SweepHarness.Start.AddDays(3)), true),
        1 => ("past", TagTime.Format(SweepHarness.Start.AddDays(-3)), false),
        2 => ("unreadable", "when the audit ends", true),
        3 => ("9999", "9999-12-31T23:59:59Z", true),
        4 => ("0001", "0001-01-01T00:00:00Z", false),
        5 => ("date-only future", "2099-01-01", true),
        6 => ("date-only past", "2000-01-01", false),
        7 => ("9999 date-only", "9999-12-31", true),
        _ => null,
    };

    private static (string Action, string Name)? InjectFault(SweepHarness h, int fault, int keepNewest)
    {
        if (fault >= 2 * SourceActions.Length)
        {
            return null;
        }

        // Every listing the fault may target is then really read (a launch template, of an image outside the fleet,
        // makes DescribeLaunchTemplateVersions run), so each fault case is reached often enough.
        h.Ec2.AddLaunchTemplate(SweepHarness.Region, "fault-lt", OtherImage);
        var action = SourceActions[fault % SourceActions.Length];
        if (action == "DescribeImageReferences")
        {
            // Candidates first: DescribeImageReferences is read only for images a rule would act on, so a family of
            // its own gives every such fleet one candidate (deprecated long ago, behind its newest K) for the fault to hit.
            for (var i = 0; i <= keepNewest; i++)
            {
                var newest = i < keepNewest;
                h.AddImage(b =>
                {
                    b.Named($"bait-{i}").Tagged(TagNames.Family, "bait").CreatedAgo(TimeSpan.FromDays(newest ? 1 + i : 300));
                    if (!newest)
                    {
                        b.DeprecatedAt(SweepHarness.Start.AddDays(-200));
                    }
                });
            }
        }

        if (fault < SourceActions.Length)
        {
            h.Ec2.Faults.FailAlways(action, "InternalError", System.Net.HttpStatusCode.InternalServerError);
            return (action, "fail " + action);
        }

        h.Ec2.Lies.LoopTokens(action);
        return (action, "loop " + action);
    }

    private static string Seed(SweepHarness h, ImageSpec spec, EdgeSpec edge, int index)
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

            SeedEdges(b, edge);
        });
        switch (spec.Use)
        {
            case Usage.Instance:
                h.Ec2.AddInstance(SweepHarness.Region, id, edge.InstanceState);
                break;
            case Usage.OldTemplateVersion:
                h.Ec2.AddLaunchTemplate(SweepHarness.Region, "lt-" + index, [id, .. Enumerable.Repeat<string?>(OtherImage, edge.TemplateDepth)]);
                h.Ec2.SetDefaultLaunchTemplateVersion(SweepHarness.Region, "lt-" + index, edge.TemplateDepth + 1);
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
                var fleetTemplate = h.Ec2.AddLaunchTemplate(SweepHarness.Region, "fleet-lt-" + index, OtherImage);
                h.Ec2.AddFleet(SweepHarness.Region, "instant", fleetTemplate, [id]);
                break;
            default:
                break;
        }

        return id;
    }

    /// <summary>The edge cases of one image: a hold, and at most one of protection, manager, instance store, pending,
    /// failed, or a share with another account.</summary>
    private static void SeedEdges(Simulation.Seeding.ImageBuilder b, EdgeSpec edge)
    {
        if (HoldOf(edge) is { } hold)
        {
            b.Tagged(TagNames.KeepUntil, hold.Value);
        }

        _ = edge.Extra switch
        {
            0 => b.DeregistrationProtected(withCooldown: edge.TemplateDepth % 2 == 0),
            1 => b.Tagged("aws:backup:source-resource", "arn:aws:ec2:eu-west-1:123456789012:instance/i-0123456789abcdef0"),
            2 => b.Tagged("aws:dlm:lifecycle-policy-id", "policy-0123456789abcdef0"),
            3 => b.Tagged("Ec2ImageBuilderArn", "arn:aws:imagebuilder:eu-west-1:123456789012:image/svc/1.0.0/1"),
            4 => b.InstanceStore("s3://bundles/image.manifest.xml"),
            5 => b.Pending(TimeSpan.FromDays(365)),
            6 => b.Failed(),
            7 => b.SharedWithAccount("210987654321"),
            _ => b,
        };
    }

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

    /// <summary>Instance state, launch template versions after the pinned one, keep-until kind (see HoldOf), and one
    /// extra trait (see SeedEdges).</summary>
    public sealed record EdgeSpec(string InstanceState, int TemplateDepth, int Hold, int Extra);

    public sealed record FleetCase(ImageSpec[] Images, EdgeSpec[] Edges, int KeepNewest, int Cap, bool Retention, bool AllowPublic, int Fault);
}
