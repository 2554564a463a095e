using System.Globalization;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;

namespace AmiAutomation.Functions.Tests.Common;

/// <summary>
/// Calls per sweep, exactly: ⌈N/1000⌉ DescribeImages + ⌈C/10⌉ DescribeImageReferences + the fleet-wide pages, where C is
/// the candidates (images a rule would act on if nothing referenced them), not N.
/// </summary>
public sealed class SweepCallCountTests
{
    private const int NotDue = 2_000;
    private const int Due = 345;
    private const int Instances = 1_234;
    private const int Templates = 3;

    private static int Pages(int items, int pageSize) => (items + pageSize - 1) / pageSize;

    [Fact]
    public async Task Expire_FleetWithKnownCandidates_CallsMatchTheFormulaExactly()
    {
        var h = new SweepHarness();
        var young = new List<string>();
        for (var i = 0; i < NotDue; i++)
        {
            young.Add(h.AddImage(b => b.Named($"web-young-{i:D5}").Tagged(TagNames.Family, "web").CreatedAgo(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(i))));
        }

        for (var i = 0; i < Due; i++)
        {
            // Due by age; each is pinned by an SSM parameter only DescribeImageReferences sees, so the sweep acts on none
            // and makes no call beyond the inventory.
            var id = h.AddImage(b => b.Named($"web-old-{i:D5}").Tagged(TagNames.Family, "web").CreatedAgo(TimeSpan.FromDays(400) + TimeSpan.FromMinutes(i)));
            h.Ec2.AddSsmParameter(SweepHarness.Region, "/golden/web-" + i.ToString(CultureInfo.InvariantCulture), id);
        }

        for (var i = 0; i < Instances; i++)
        {
            h.Ec2.AddInstance(SweepHarness.Region, young[i % young.Count]);
        }

        for (var t = 0; t < Templates; t++)
        {
            h.Ec2.AddLaunchTemplate(SweepHarness.Region, "lt-" + t.ToString(CultureInfo.InvariantCulture), young[t], young[t + 10]);
        }

        h.Environment[ExpireSettings.ExpireOlderThanDaysVariable] = "180";
        var before = h.Ec2.Calls.Count;

        var summary = await h.InvokeAsync(h.Expire());

        var calls = h.Ec2.Calls.All.Skip(before).ToList();
        var log = string.Join(", ", calls.GroupBy(c => c.Action).Select(g => $"{g.Key}×{g.Count()}"));
        const int n = NotDue + Due;
        Assert.Equal(Pages(n, 1000), calls.Count(c => c.Action == "DescribeImages"));
        Assert.Equal(Pages(Due, 10), calls.Count(c => c.Action == "DescribeImageReferences"));
        Assert.Equal(Pages(Instances, 1000), calls.Count(c => c.Action == "DescribeInstances"));
        Assert.Equal(1, calls.Count(c => c.Action == "DescribeLaunchTemplates"));
        Assert.Equal(Templates, calls.Count(c => c.Action == "DescribeLaunchTemplateVersions"));
        Assert.Equal(1, calls.Count(c => c.Action == "DescribeSpotInstanceRequests"));
        Assert.Equal(1, calls.Count(c => c.Action == "DescribeSpotFleetRequests"));
        var ec2 = calls.Where(c => !c.Action.Contains(':', StringComparison.Ordinal) && !c.Action.Contains("RecycleBin", StringComparison.Ordinal)).ToList();
        var formula = Pages(n, 1000) + Pages(Due, 10) + Pages(Instances, 1000) + 1 + Templates + 1 + 1;
        Assert.True(formula == ec2.Count, $"{ec2.Count} EC2 calls, formula {formula}: {log}");

        Assert.Empty(summary.FailedSources);
        Assert.DoesNotContain("Deregister", summary.Counts.Keys);
        Assert.Equal(Due + Instances, summary.Counts["None"]["InUse"]); // the old by their SSM parameter, the young by an instance each
        Assert.Equal($"DescribeImageReferences read for {Due} of {n} images", summary.ReferenceCoverage![..$"DescribeImageReferences read for {Due} of {n} images".Length]);
    }
}
