using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Tests.Common;

namespace AmiAutomation.Functions.Tests.Deprecate;

/// <summary>Dry run and deadline behaviour of the deprecate function.</summary>
public sealed class DeprecateSafetyTests
{
    private static List<string> SeedOld(SweepHarness h, int count)
    {
        var ids = Enumerable.Range(0, count)
            .Select(i => h.AddImage(b => b.Named($"web-{i:D3}").Tagged(TagNames.Family, "web").CreatedDaysAgo(500 - i)))
            .ToList();
        h.AddImage(b => b.Named("web-new").Tagged(TagNames.Family, "web").CreatedDaysAgo(1));
        return ids;
    }

    [Fact]
    public async Task DryRun_Default_ChangesNothingAndSendsOnlyDryRunCalls()
    {
        var h = new SweepHarness();
        SeedOld(h, 12);
        var before = h.WorldFingerprint();

        var summary = await h.InvokeAsync(h.Deprecate(), """{"source":"schedule"}""");

        Assert.True(summary.DryRun);
        Assert.Equal(12, summary.Outcomes[OutcomeNames.DryRun]);
        Assert.Equal(before, h.WorldFingerprint());
        Assert.Empty(h.LiveMutations());
        Assert.Equal(12, h.Ec2.Calls.All.Count(c => c.Action == "EnableImageDeprecation" && c.DryRun));
        Assert.Equal(12, h.Metric(MetricNames.DryRunActions, "Deprecate"));
        Assert.Equal(0, h.Metric(MetricNames.AmisDeprecated));
    }

    [Fact]
    public async Task Deadline_CutRunStopsEarly_NextRunFinishesWithoutRepeating()
    {
        // Calibrate: the fake clock moves one second per read, so the same run reads the same times; find when the
        // fourth EnableImageDeprecation happens and put the deadline there.
        var calibration = new SweepHarness();
        calibration.Live();
        calibration.Time.AutoAdvanceAmount = TimeSpan.FromSeconds(1);
        SeedOld(calibration, 10);
        using (var never = new CancellationTokenSource(TimeSpan.FromDays(1), calibration.Time))
        {
            await calibration.InvokeAsync(calibration.Deprecate(), SweepHarness.ScheduleJson, never.Token);
        }

        var cut = calibration.Ec2.Calls.All.Where(c => c.Action == "EnableImageDeprecation").ElementAt(3).At;

        var h = new SweepHarness();
        h.Live();
        h.Time.AutoAdvanceAmount = TimeSpan.FromSeconds(1);
        var ids = SeedOld(h, 10);
        using var deadline = new CancellationTokenSource(cut - SweepHarness.Start, h.Time);
        var first = await h.InvokeAsync(h.Deprecate(), SweepHarness.ScheduleJson, deadline.Token);

        Assert.True(first.StoppedEarly);
        Assert.False(first.Completed);
        var done = first.Outcomes.GetValueOrDefault(OutcomeNames.Succeeded);
        var notStarted = first.Outcomes.GetValueOrDefault(OutcomeNames.NotStarted);
        Assert.InRange(done, 1, 9);
        Assert.Equal(10 - done, notStarted);
        Assert.Equal(1, h.Metric(MetricNames.RunStoppedEarly));

        h.Ec2.Calls.Clear();
        var second = await h.InvokeAsync(h.Deprecate());

        Assert.True(second.Completed);
        Assert.Equal(notStarted, second.Outcomes[OutcomeNames.Succeeded]);
        Assert.Equal(notStarted, h.Ec2.Calls.CountOf("EnableImageDeprecation"));
        Assert.Equal(done, second.Counts["None"]["AlreadyDeprecatedEarlier"]);
        Assert.All(ids, id => Assert.NotNull(h.Image(id)!.DeprecationTime));
    }

    [Fact]
    public async Task FailedSource_NothingDeprecatedAndSourceNamed()
    {
        var h = new SweepHarness();
        h.Live();
        SeedOld(h, 3);
        h.Ec2.Faults.FailAlways("DescribeLaunchTemplates", "InternalError", System.Net.HttpStatusCode.InternalServerError);

        var summary = await h.InvokeAsync(h.Deprecate());

        Assert.Equal("LaunchTemplates", Assert.Single(summary.FailedSources).Source);
        Assert.Equal(3, summary.Counts["None"]["InventoryIncomplete"]);
        Assert.Equal(0, h.Ec2.Calls.CountOf("EnableImageDeprecation"));
    }

    [Theory]
    [InlineData("""{"imageId": "ami-0123456789abcdef0"}""", "imageId")]
    [InlineData("""{"version":"0","id":"x","detail-type":"Scheduled Event","source":"aws.events","detail":{}}""", "version")]
    [InlineData("""{"imageIds": ["ami-XYZ"]}""", "ami-XYZ")]
    [InlineData("[]", "deprecate")]
    public async Task BadPayload_RejectedBeforeAnyEc2Call(string payload, string named)
    {
        var h = new SweepHarness();
        SeedOld(h, 1);

        var ex = await Assert.ThrowsAsync<AmiAutomation.Runtime.Functions.InvalidEventException>(() => h.InvokeAsync(h.Deprecate(), payload));

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Ec2.Calls.Count);
    }
}
