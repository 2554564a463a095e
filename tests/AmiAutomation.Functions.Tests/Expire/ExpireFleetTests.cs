using AmiAutomation.Core.Families;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Simulation.Fleet;
using Amazon.EC2.Model;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>A live expire run over a generated fleet, checked against an oracle built with plain EC2 calls.</summary>
public sealed class ExpireFleetTests
{
    [Fact]
    public async Task LiveExpire_GeneratedFleet_NoReferencedKeptOrNewestImageLost()
    {
        var h = new SweepHarness();
        FleetGenerator.Generate(h.Ec2, new FleetOptions { ImageCount = 400, Regions = [SweepHarness.Region, "us-east-1"], Seed = 11 });
        h.Live()
            .Set(ExpireSettings.MaxDeregistrationsPerRunVariable, "1000")
            .Set(CommonSettings.MaxDestructiveActionsPerRunVariable, "1000")
            .Set(ExpireSettings.ExpireOlderThanDaysVariable, "180");
        var mustStay = await OracleAsync(h, keepNewest: 3);
        var before = h.Ec2.ImageCount(SweepHarness.Region);

        var summary = await h.InvokeAsync(h.Expire());

        Assert.Empty(summary.FailedSources);
        Assert.True(summary.Deregistration!.Deregistered > 10, $"only {summary.Deregistration.Deregistered} deregistered");
        Assert.Equal(before - summary.Deregistration.Deregistered, h.Ec2.ImageCount(SweepHarness.Region));
        Assert.Equal(summary.Deregistration.Deregistered, h.Ledger.Records.Count);
        Assert.DoesNotContain(OutcomeNames.Failed, summary.Outcomes.Keys);
        var lost = mustStay.Where(id => h.Image(id) is null).ToList();
        Assert.Empty(lost);
    }

    /// <summary>Images that must survive: referenced (DescribeImageReferences, DescribeInstances), keep-tagged, held,
    /// protected, or among the newest K available images of their family.</summary>
    private static async Task<HashSet<string>> OracleAsync(SweepHarness h, int keepNewest)
    {
        var client = h.Ec2.ClientFor(SweepHarness.Region);
        var images = h.Ec2.ListImages(SweepHarness.Region).Where(i => i.OwnerId == SweepHarness.AccountId).ToList();
        var mustStay = new HashSet<string>(StringComparer.Ordinal);
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
                mustStay.UnionWith((page.ImageReferences ?? []).Select(r => r.ImageId));
                token = page.NextToken;
            }
            while (!string.IsNullOrEmpty(token));
        }

        var instances = await client.DescribeInstancesAsync(new DescribeInstancesRequest());
        mustStay.UnionWith((instances.Reservations ?? []).SelectMany(r => r.Instances ?? [])
            .Where(i => i.State?.Name?.Value != "terminated").Select(i => i.ImageId));

        foreach (var image in images)
        {
            var tags = (image.Tags ?? []).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
            if (tags.ContainsKey(TagNames.Keep) || tags.ContainsKey(TagNames.KeepUntil) || image.DeregistrationProtection is { } p && p != "disabled")
            {
                mustStay.Add(image.ImageId);
            }
        }

        var resolver = FamilyResolver.Default;
        foreach (var family in images.Where(i => i.State?.Value == "available")
                     .GroupBy(i => resolver.Resolve(ToCore(i)), StringComparer.Ordinal))
        {
            mustStay.UnionWith(family.OrderByDescending(i => i.CreationDate, StringComparer.Ordinal)
                .ThenByDescending(i => i.ImageId, StringComparer.Ordinal)
                .Take(keepNewest).Select(i => i.ImageId));
        }

        return mustStay;
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
