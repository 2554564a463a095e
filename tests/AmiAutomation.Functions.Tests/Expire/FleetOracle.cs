using AmiAutomation.Core.Families;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Tests.Common;
using Amazon.EC2.Model;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>
/// What must survive an expire run over a simulated fleet, read independently of the product with plain EC2 calls:
/// every instance not terminated (any state), every launch template version (any depth), every DescribeImageReferences
/// resource, keep tags (any value but "false"), keep-until holds (future or unreadable), deregistration protection,
/// AWS Backup/DLM/Image Builder images, public and instance store-backed images, images not available or disabled,
/// recent launches and the newest K available images of each family. Each image maps to why it must stay.
/// </summary>
internal sealed class FleetOracle
{
    public Dictionary<string, string> MustStay { get; } = new(StringComparer.Ordinal);

    /// <summary>Owned available-or-disabled images per family: at least one of each must remain.</summary>
    public Dictionary<string, List<string>> Families { get; } = new(StringComparer.Ordinal);

    public static async Task<FleetOracle> ReadAsync(SweepHarness h, int keepNewest, int recentLaunchDays)
    {
        var oracle = new FleetOracle();
        var client = h.Ec2.ClientFor(SweepHarness.Region);
        var now = h.Time.GetUtcNow();
        var images = h.Ec2.ListImages(SweepHarness.Region).Where(i => i.OwnerId == SweepHarness.AccountId).ToList();
        foreach (var batch in images.Chunk(10))
        {
            string? token = null;
            do
            {
                var page = await client.DescribeImageReferencesAsync(new DescribeImageReferencesRequest
                {
                    ImageIds = [.. batch.Select(i => i.ImageId)],
                    IncludeAllResourceTypes = true,
                    NextToken = token,
                });
                foreach (var reference in page.ImageReferences ?? [])
                {
                    oracle.Pin(reference.ImageId, "reference " + reference.Arn);
                }

                token = page.NextToken;
            }
            while (!string.IsNullOrEmpty(token));
        }

        string? next = null;
        do
        {
            var page = await client.DescribeInstancesAsync(new DescribeInstancesRequest { NextToken = next });
            foreach (var instance in (page.Reservations ?? []).SelectMany(r => r.Instances ?? []).Where(i => i.State?.Name?.Value != "terminated"))
            {
                oracle.Pin(instance.ImageId, $"instance {instance.InstanceId} {instance.State?.Name?.Value}");
            }

            next = page.NextToken;
        }
        while (!string.IsNullOrEmpty(next));

        var templates = await client.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest());
        foreach (var template in templates.LaunchTemplates ?? [])
        {
            var versions = await client.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateId = template.LaunchTemplateId, ResolveAlias = true });
            foreach (var version in versions.LaunchTemplateVersions ?? [])
            {
                var deep = template.LatestVersionNumber - version.VersionNumber >= 10;
                oracle.Pin(version.LaunchTemplateData?.ImageId, $"{(deep ? "deep-launch-template" : "launch-template")} {template.LaunchTemplateName}:{version.VersionNumber}");
            }
        }

        foreach (var image in images)
        {
            oracle.Protections(image, now, recentLaunchDays);
        }

        oracle.NewestAndFamilies(images, keepNewest);
        return oracle;
    }

    private void Pin(string? imageId, string why)
    {
        if (!string.IsNullOrEmpty(imageId))
        {
            MustStay[imageId] = MustStay.TryGetValue(imageId, out var earlier) ? earlier + ", " + why : why;
        }
    }

    private void Protections(Image image, DateTimeOffset now, int recentLaunchDays)
    {
        var tags = (image.Tags ?? []).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        var id = image.ImageId;
        if (tags.TryGetValue(TagNames.Keep, out var keep) && !keep.Trim().Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            Pin(id, "keep");
        }

        if (tags.TryGetValue(TagNames.KeepUntil, out var until) && (!TagTime.TryParse(until, out var untilTime) || untilTime > now))
        {
            Pin(id, "hold " + until);
        }

        if (image.DeregistrationProtection is { } protection && protection != "disabled")
        {
            Pin(id, "protected");
        }

        if ((image.Name ?? string.Empty).StartsWith("AwsBackup_", StringComparison.Ordinal) || tags.ContainsKey("aws:backup:source-resource")
            || tags.ContainsKey("aws:dlm:lifecycle-policy-id") || tags.ContainsKey("Ec2ImageBuilderArn")
            || (tags.TryGetValue("CreatedBy", out var createdBy) && createdBy == "EC2 Image Builder"))
        {
            Pin(id, "managed");
        }

        if (image.Public == true)
        {
            Pin(id, "public");
        }

        if (image.RootDeviceType?.Value == "instance-store")
        {
            Pin(id, "instance-store");
        }

        if (image.State?.Value is not ("available" or "disabled"))
        {
            Pin(id, "not-available " + image.State?.Value);
        }

        if (image.LastLaunchedTime is { } launched && DateTimeOffset.Parse(launched, System.Globalization.CultureInfo.InvariantCulture) > now.AddDays(-recentLaunchDays))
        {
            Pin(id, "recently-launched");
        }
    }

    private void NewestAndFamilies(List<Image> images, int keepNewest)
    {
        var resolver = FamilyResolver.Default;
        foreach (var family in images.GroupBy(i => resolver.Resolve(ToCore(i)), StringComparer.Ordinal))
        {
            foreach (var newest in family.Where(i => i.State?.Value == "available")
                         .OrderByDescending(i => DateTimeOffset.Parse(i.CreationDate, System.Globalization.CultureInfo.InvariantCulture))
                         .ThenByDescending(i => i.ImageId, StringComparer.Ordinal)
                         .Take(keepNewest))
            {
                Pin(newest.ImageId, "newest");
            }

            var keepers = family.Where(i => i.State?.Value is "available" or "disabled").Select(i => i.ImageId).ToList();
            if (keepers.Count > 0)
            {
                Families[family.Key] = keepers;
            }
        }
    }

    private static AmiImage ToCore(Image image) => new()
    {
        ImageId = image.ImageId,
        Region = SweepHarness.Region,
        Name = image.Name,
        OwnerId = image.OwnerId,
        CreationDate = DateTimeOffset.Parse(image.CreationDate, System.Globalization.CultureInfo.InvariantCulture),
        State = ImageState.Available,
        Tags = (image.Tags ?? []).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
    };
}
