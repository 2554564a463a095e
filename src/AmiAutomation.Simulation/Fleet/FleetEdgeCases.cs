using AmiAutomation.Core.Tagging;
using AmiAutomation.Simulation.Seeding;

namespace AmiAutomation.Simulation.Fleet;

/// <summary>
/// The rare cases a realistic fleet seldom reaches, added when <see cref="FleetOptions.EdgeCases"/> is on (with their own
/// random stream, so the rest of the fleet is unchanged): instances in every live state, launch templates that pin an
/// old image deeper than DescribeImageReferences' version depth of 10, keep-until holds with extreme or unreadable
/// dates, keep tags (blank or "FALSE"), AWS Backup/DLM/Image Builder marks on old builds and instance store-backed builds.
/// </summary>
internal static class FleetEdgeCases
{
    private static readonly string[] LiveStates = ["pending", "running", "stopping", "stopped", "shutting-down"];

    private static readonly string[] Holds =
        ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2099-01-01", "not a date", "1970-01-01T00:00:00Z"];

    public static void Write(FleetBuild context, FamilyPlan family, Random random)
    {
        var builds = context.Builds[family.Name].Where(b => b.Usable).ToList();
        if (builds.Count < 3)
        {
            return;
        }

        var simulator = context.Simulator;
        var region = family.HomeRegion;
        var old = builds[random.Next(builds.Count - 2)];
        switch (random.Next(8))
        {
            case 0:
                simulator.AddInstance(region, old.ImageId, LiveStates[random.Next(LiveStates.Length)]);
                context.Instances++;
                context.Count("edge-instance");
                break;
            case 1:
                // Version 1 pins the old build; 11–15 later versions push it below DescribeImageReferences' depth.
                var later = Enumerable.Repeat<string?>(builds[^1].ImageId, 11 + random.Next(5));
                var templateId = simulator.AddLaunchTemplate(region, family.Name + "-deep-lt", [old.ImageId, .. later]);
                simulator.SetDefaultLaunchTemplateVersion(region, templateId, 2);
                context.LaunchTemplates++;
                context.Count("edge-deep-template");
                break;
            case 2:
                simulator.SetImageTag(region, old.ImageId, TagNames.KeepUntil, Holds[random.Next(Holds.Length)]);
                context.Count("edge-hold");
                break;
            case 3:
                simulator.SetImageTag(region, old.ImageId, TagNames.Keep, random.Next(2) == 0 ? string.Empty : "FALSE");
                context.Count("edge-keep");
                break;
            case 4:
                var (key, value) = ManagedMarks[random.Next(ManagedMarks.Length)];
                simulator.SetImageTag(region, old.ImageId, key, value);
                context.Count("edge-managed");
                break;
            case 5:
                var legacy = new ImageBuilder().Named(old.Name + "-is").CreatedAt(old.Created.AddMinutes(-7))
                    .InstanceStore($"legacy-ami-bucket/{family.Name}/edge/image.manifest.xml").Tagged(TagNames.Family, family.Name);
                if (old.DeprecationTime is { } deprecated)
                {
                    legacy.DeprecatedAt(deprecated);
                }

                simulator.AddImage(region, legacy);
                context.CountImage(region);
                context.Count("edge-instance-store");
                break;
            default:
                break;
        }
    }

    private static readonly (string Key, string Value)[] ManagedMarks =
    [
        ("aws:backup:source-resource", "arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0"),
        ("aws:dlm:lifecycle-policy-id", "policy-0a1b2c3d4e5f67890"),
        ("CreatedBy", "EC2 Image Builder"),
    ];
}
