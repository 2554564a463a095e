using System.Globalization;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Simulation.Seeding;

namespace AmiAutomation.Simulation.Fleet;

/// <summary>
/// Seeds a realistic, deterministic fleet (<c>new Random(seed)</c>): image families built on a cadence over years,
/// copies in other regions with lineage tags, shares, a few public images, instances and launch templates (some
/// pinned to old versions), SSM references, DLM/AWS Backup/Image Builder-managed images, keep-tagged, protected,
/// disabled, deprecated, failed, pending and instance-store images. 100,000 images take a few seconds.
/// </summary>
public static class FleetGenerator
{
    private static readonly string[] ShareAccounts = ["111122223333", "444455556666", "777788889999", "210987654321", "135792468024"];
    private static readonly int[] SnapshotSizes = [8, 8, 8, 16, 30, 50, 100];

    public static FleetSummary Generate(Ec2Simulator simulator, FleetOptions options)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Regions.Count == 0)
        {
            throw new ArgumentException("A fleet needs at least one region.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.ImageCount);
        var context = new FleetBuild(simulator, options);
        var families = FleetPlanner.Plan(options, context.Random);
        foreach (var family in families)
        {
            FleetFamilyWriter.WriteOriginals(context, family);
        }

        FleetFamilyWriter.WriteCopies(context, families);
        foreach (var family in families)
        {
            FleetFamilyWriter.WriteReferences(context, family);
        }

        if (options.EdgeCases)
        {
            var edges = new Random(unchecked((options.Seed * 7919) + 17));
            foreach (var family in families)
            {
                FleetEdgeCases.Write(context, family, edges);
            }
        }

        if (options.AddRecycleBinRules)
        {
            foreach (var region in options.Regions)
            {
                simulator.AddRecycleBinRule(region, new RecycleBinRule(RecycleBinResourceType.Ec2Image, options.RecycleBinRetentionDays) { Description = "fleet default (images)" });
                simulator.AddRecycleBinRule(region, new RecycleBinRule(RecycleBinResourceType.EbsSnapshot, options.RecycleBinRetentionDays) { Description = "fleet default (snapshots)" });
            }
        }

        return context.Summary(families.Select(f => f.Name).ToList());
    }

    internal static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static ImageBuilder Traits(FleetBuild context, FamilyPlan family, ImageBuilder image, DateTimeOffset created)
    {
        var random = context.Random;
        var now = context.Now;
        image.WithSnapshot(SnapshotSizes[random.Next(SnapshotSizes.Length)], family.Encrypted);
        if (random.NextDouble() < 0.2)
        {
            image.WithSnapshot(SnapshotSizes[random.Next(SnapshotSizes.Length)], family.Encrypted);
        }

        if (family.FamilyTagged)
        {
            image.Tagged(TagNames.Family, family.Name);
        }

        if (family.DeprecateAfterDays is int days)
        {
            image.DeprecatedAt(created.AddDays(days));
            context.Count(created.AddDays(days) <= now ? "deprecated" : "deprecation-scheduled");
        }

        if (random.NextDouble() < 0.35)
        {
            var fraction = 1 - Math.Pow(random.NextDouble(), 2);
            image.LastLaunchedAt(created + ((now - created) * fraction));
        }

        var roll = random.NextDouble();
        if (roll < 0.05)
        {
            image.SharedWithAccount(ShareAccounts[random.Next(ShareAccounts.Length)]);
            if (random.NextDouble() < 0.3)
            {
                image.SharedWithAccount(ShareAccounts[random.Next(ShareAccounts.Length)]);
            }

            context.Count("shared");
        }
        else if (roll < 0.06)
        {
            image.SharedWithOrganization($"arn:aws:organizations::{context.AccountId}:organization/o-a1b2c3d4e5");
            context.Count("shared");
        }

        roll = random.NextDouble();
        if (roll < 0.01)
        {
            image.Tagged(TagNames.Keep, "true");
            context.Count("keep");
        }
        else if (roll < 0.013)
        {
            image.Tagged(TagNames.KeepUntil, Iso(now.AddDays(random.Next(-30, 90))));
            context.Count("keep-until");
        }
        else if (roll < 0.033)
        {
            image.Tagged(TagNames.ExpiresAt, Iso(now.AddDays(random.Next(-60, 60))));
            context.Count("expires-at");
        }

        roll = random.NextDouble();
        if (roll < 0.005)
        {
            image.DeregistrationProtected(withCooldown: random.NextDouble() < 0.5);
            context.Count("protected");
        }
        else if (roll < 0.009)
        {
            image.Disabled();
            context.Count("disabled");
        }
        else if (roll < 0.011)
        {
            image.Failed("Client.InternalError: Client error on launch");
            context.Count("failed");
        }

        if (random.NextDouble() < 0.5)
        {
            image.Tagged("Name", family.Name);
        }

        return image;
    }
}
