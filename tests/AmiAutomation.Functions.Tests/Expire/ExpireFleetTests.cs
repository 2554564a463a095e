using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Simulation.Fleet;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>Live expire runs over generated fleets (many seeds, with the generator's edge cases), each checked against
/// an oracle built with plain EC2 calls that sees every kind of pin on its own (<see cref="FleetOracle"/>).</summary>
public sealed class ExpireFleetTests
{
    public static TheoryData<int, bool> Seeds()
    {
        var data = new TheoryData<int, bool>();
        foreach (var seed in Enumerable.Range(1, 12))
        {
            // Half the runs with DescribeImageReferences blind to instances and templates: the dedicated sources alone.
            data.Add(seed, seed % 2 == 0);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task LiveExpire_GeneratedFleet_NoPinnedKeptProtectedOrNewestImageLost(int seed, bool imageReferencesCrossReport)
    {
        var h = new SweepHarness();
        var fleet = FleetGenerator.Generate(h.Ec2, new FleetOptions { ImageCount = 300, Regions = [SweepHarness.Region, "us-east-1"], Seed = seed, EdgeCases = true });
        h.Ec2.Options.ImageReferencesReportInstancesAndTemplates = imageReferencesCrossReport;
        h.Live()
            .Set(ExpireSettings.MaxDeregistrationsPerRunVariable, "1000")
            .Set(CommonSettings.MaxDestructiveActionsPerRunVariable, "1000")
            .Set(ExpireSettings.ExpireOlderThanDaysVariable, "180");
        var oracle = await FleetOracle.ReadAsync(h, keepNewest: 3, recentLaunchDays: 30);
        var before = h.Ec2.ImageCount(SweepHarness.Region);

        var summary = await h.InvokeAsync(h.Expire());

        Assert.Empty(summary.FailedSources);
        Assert.True(summary.Deregistration!.Deregistered > 5, $"only {summary.Deregistration.Deregistered} deregistered (fleet: {fleet.Images} images)");
        Assert.Equal(before - summary.Deregistration.Deregistered, h.Ec2.ImageCount(SweepHarness.Region));
        Assert.Equal(summary.Deregistration.Deregistered, h.Ledger.Records.Count);
        Assert.DoesNotContain(OutcomeNames.Failed, summary.Outcomes.Keys);
        var lost = oracle.MustStay.Where(e => h.Image(e.Key) is null).Select(e => $"{e.Key} ({e.Value})").ToList();
        Assert.True(lost.Count == 0, "lost: " + string.Join(", ", lost));
        foreach (var family in oracle.Families)
        {
            Assert.Contains(family.Value, id => h.Image(id) is not null);
        }
    }

    [Fact]
    public async Task Oracle_SeesEveryKindOfPinAcrossTheSeeds()
    {
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var seed in Enumerable.Range(1, 12))
        {
            var h = new SweepHarness();
            FleetGenerator.Generate(h.Ec2, new FleetOptions { ImageCount = 300, Regions = [SweepHarness.Region, "us-east-1"], Seed = seed, EdgeCases = true });
            var oracle = await FleetOracle.ReadAsync(h, keepNewest: 3, recentLaunchDays: 30);
            kinds.UnionWith(oracle.MustStay.Values.SelectMany(v => v.Split(", ")).Select(k => k.Split(' ')[0]));
        }

        string[] expected =
        [
            "instance", "launch-template", "deep-launch-template", "reference", "keep", "hold", "protected",
            "managed", "public", "instance-store", "not-available", "recently-launched", "newest",
        ];
        Assert.Empty(expected.Except(kinds));
    }
}
