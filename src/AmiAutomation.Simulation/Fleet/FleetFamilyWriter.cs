using System.Globalization;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Simulation.Seeding;

namespace AmiAutomation.Simulation.Fleet;

/// <summary>Writes one family's builds, the cross-region copies, and what references the images.</summary>
internal static class FleetFamilyWriter
{
    public static void WriteOriginals(FleetBuild context, FamilyPlan family)
    {
        var random = context.Random;
        var now = context.Now;
        var builds = new List<FleetImage>(family.Builds);
        context.Builds[family.Name] = builds;
        var publicNewest = family.Style is FamilyStyle.DottedDate or FamilyStyle.SemVer && random.NextDouble() < 0.15;
        for (var i = 0; i < family.Builds; i++)
        {
            var ageDays = (family.CadenceDays * (family.Builds - 1 - i)) + (random.NextDouble() * Math.Min(family.CadenceDays, 1) * 0.5);
            var created = now - TimeSpan.FromDays(ageDays) - TimeSpan.FromMinutes(30 + random.Next(600));
            var instanceId = string.Create(CultureInfo.InvariantCulture, $"i-0{random.NextInt64():x16}");
            var name = FamilyNaming.BuildName(family, i, created, instanceId);
            var image = new ImageBuilder().Named(name).CreatedAt(created).WithDescription($"{family.Name} build {i}");
            FleetGenerator.Traits(context, family, image, created);
            Style(context, family, image, i, instanceId);
            if (family.CopyTo.Count > 0)
            {
                image.Tagged(TagNames.CopyTo, string.Join(',', family.CopyTo));
            }

            if (publicNewest && i == family.Builds - 1 && context.PublicImages < 3 * context.Options.Regions.Count)
            {
                image.Public().DeprecatedAt(created.AddYears(2));
                context.PublicImages++;
                context.Count("public");
            }

            if (IsShared(name, context.Options.SharedImageRate))
            {
                image.SharedWithAccount(context.Options.ConsumerAccountId);
                context.Count("shared");
            }

            var imageId = context.Simulator.AddImage(family.HomeRegion, image);
            context.CountImage(family.HomeRegion);
            builds.Add(new FleetImage(family.HomeRegion, imageId, name, created, image.DeprecationTime, image.State is "available" or "disabled"));
        }
    }

    public static void WriteCopies(FleetBuild context, IReadOnlyList<FamilyPlan> families)
    {
        var target = context.Options.ImageCount - context.Builds.Values.Sum(b => b.Count);
        if (target <= 0)
        {
            return;
        }

        var candidates = families
            .Where(f => f.CopyTo.Count > 0)
            .SelectMany(f => context.Builds[f.Name].Where(b => b.Usable).SelectMany(b => f.CopyTo.Select(destination => (Family: f, Source: b, Destination: destination))))
            .OrderByDescending(c => c.Source.Created)
            .ThenBy(c => c.Source.ImageId, StringComparer.Ordinal)
            .ThenBy(c => c.Destination, StringComparer.Ordinal)
            .Take(target)
            .ToList();
        var pendingCount = candidates.Count >= 20 ? Math.Max(1, candidates.Count / 100) : 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            var (family, source, destination) = candidates[i];
            var random = context.Random;
            var created = source.Created + TimeSpan.FromMinutes(20 + random.Next(90));
            if (created >= context.Now)
            {
                created = context.Now - TimeSpan.FromMinutes(1);
            }

            var copy = new ImageBuilder()
                .Named(source.Name)
                .CreatedAt(created)
                .WithDescription($"Copy of {source.ImageId} from {source.Region}")
                .CopiedFrom(source.ImageId, source.Region)
                .WithSnapshot(8, family.Encrypted)
                .Tagged(TagNames.SourceImage, source.ImageId)
                .Tagged(TagNames.SourceRegion, source.Region)
                .Tagged(TagNames.ManagedBy, TagNames.ManagedByValue);
            if (family.FamilyTagged)
            {
                copy.Tagged(TagNames.Family, family.Name);
            }

            if (source.DeprecationTime is { } deprecation)
            {
                copy.DeprecatedAt(deprecation);
            }

            if (i < pendingCount)
            {
                copy.Pending();
                context.Count("pending");
            }
            else
            {
                copy.Tagged(TagNames.CopyFinishedAt, FleetGenerator.Iso(created + TimeSpan.FromMinutes(15)));
            }

            context.Simulator.AddImage(destination, copy);
            context.CountImage(destination);
            context.Copies++;
        }
    }

    public static void WriteReferences(FleetBuild context, FamilyPlan family)
    {
        var builds = context.Builds[family.Name].Where(b => b.Usable).ToList();
        if (builds.Count == 0 || family.Style is FamilyStyle.AwsBackup or FamilyStyle.DataLifecycleManager)
        {
            return;
        }

        var random = context.Random;
        var simulator = context.Simulator;
        var region = family.HomeRegion;
        if (random.NextDouble() < 0.6)
        {
            foreach (var build in builds.TakeLast(1 + random.Next(3)))
            {
                for (var n = 1 + random.Next(4); n > 0; n--)
                {
                    simulator.AddInstance(region, build.ImageId, "running", build.Created + ((context.Now - build.Created) * random.NextDouble()));
                    context.Instances++;
                }
            }
        }

        if (builds.Count > 2 && random.NextDouble() < 0.1)
        {
            simulator.AddInstance(region, builds[random.Next(builds.Count / 2)].ImageId, "stopped");
            context.Instances++;
        }

        if (builds.Count > 2 && random.NextDouble() < 0.03)
        {
            simulator.AddInstance(region, builds[random.Next(builds.Count / 2)].ImageId, "terminated");
            context.Instances++;
        }

        string? templateId = null;
        if (family.HasLaunchTemplate)
        {
            var depth = 1 + random.Next(Math.Min(builds.Count, random.NextDouble() < 0.1 ? 80 : 20));
            var versions = builds.TakeLast(depth).Select(b => (string?)b.ImageId).ToArray();
            templateId = simulator.AddLaunchTemplate(region, family.Name + "-lt", versions);
            simulator.SetDefaultLaunchTemplateVersion(region, templateId, random.NextDouble() < 0.3 ? 1 + random.Next(versions.Length) : versions.Length);
            context.LaunchTemplates++;
            context.LaunchTemplateVersions += versions.Length;
        }

        if (family.HasSsmParameter)
        {
            var parameter = $"/ami/{family.Name}/latest";
            simulator.AddSsmParameter(region, parameter, builds[^1].ImageId);
            context.ExternalReferences++;
            if (templateId is not null && random.NextDouble() < 0.5)
            {
                simulator.AddLaunchTemplateVersion(region, templateId, "resolve:ssm:" + parameter);
                context.LaunchTemplateVersions++;
            }
        }

        if (family.Style == FamilyStyle.ImageBuilder)
        {
            simulator.AddImageReference(region, builds[^1].ImageId, "imagebuilder:ImageRecipe", $"arn:aws:imagebuilder:{region}:{context.AccountId}:image-recipe/{family.Name}/1.0.0");
            context.ExternalReferences++;
        }

        FleetConsumerWriter.Write(context, family, builds, templateId);
    }

    private static void Style(FleetBuild context, FamilyPlan family, ImageBuilder image, int index, string instanceId)
    {
        var region = family.HomeRegion;
        switch (family.Style)
        {
            case FamilyStyle.InstanceStore:
                image.InstanceStore($"legacy-ami-bucket/{family.Name}/{index}/image.manifest.xml");
                context.Count("instance-store");
                break;
            case FamilyStyle.DataLifecycleManager:
                image.Tagged("aws:dlm:lifecycle-policy-id", "policy-0a1b2c3d4e5f67890").Tagged("aws:dlm:lifecycle-schedule-name", "Daily");
                context.Count("dlm");
                break;
            case FamilyStyle.AwsBackup:
                image.Tagged("aws:backup:source-resource", $"arn:aws:ec2:{region}:{context.AccountId}:instance/{instanceId}");
                context.Count("aws-backup");
                break;
            case FamilyStyle.ImageBuilder:
                image.Tagged("CreatedBy", "EC2 Image Builder").Tagged("Ec2ImageBuilderArn", $"arn:aws:imagebuilder:{region}:{context.AccountId}:image/{family.Name}/1.0.{index}/1");
                context.Count("image-builder");
                break;
        }

        if (family.Name.StartsWith("win", StringComparison.Ordinal))
        {
            image.Windows();
        }
    }

    // FNV-1a of the name: stable across processes and independent of the fleet's random sequence.
    private static bool IsShared(string name, double rate)
    {
        if (rate <= 0)
        {
            return false;
        }

        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash % 10_000 < rate * 10_000;
    }
}
