using System.Net;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>Dry run, deadline and fail-closed behaviour of the expire function.</summary>
public sealed class ExpireSafetyTests
{
    private static List<string> SeedExpired(SweepHarness h, int count)
    {
        var ids = Enumerable.Range(0, count)
            .Select(i => h.AddImage(b => b.Named($"svc-{i:D3}").Tagged(TagNames.Family, "svc").CreatedDaysAgo(500 - i)
                .DeprecatedAt(SweepHarness.Start.AddDays(-100))))
            .ToList();
        h.AddImage(b => b.Named("svc-new").Tagged(TagNames.Family, "svc").CreatedDaysAgo(1));
        h.Environment[ExpireSettings.KeepNewestVariable] = "1";
        return ids;
    }

    [Fact]
    public async Task DryRun_Default_ChangesNothingWritesNoLedgerAndSendsOnlyDryRunCalls()
    {
        var h = new SweepHarness();
        SeedExpired(h, 6);
        var before = h.WorldFingerprint();

        var summary = await h.InvokeAsync(h.Expire(), """{"source":"schedule"}""");

        Assert.True(summary.DryRun);
        Assert.Equal(6, summary.Outcomes[OutcomeNames.DryRun]);
        Assert.Equal(before, h.WorldFingerprint());
        Assert.Empty(h.LiveMutations());
        Assert.Equal(6, h.Ec2.Calls.All.Count(c => c.Action == "DeregisterImage" && c.DryRun));
        Assert.Empty(h.Ledger.Calls);
        Assert.Equal(0, h.Ec2.Calls.CountOf("ListImagesInRecycleBin"));
        Assert.Equal(0, summary.Deregistration!.Deregistered);
        Assert.Equal(0, h.Metric(MetricNames.AmisDeregistered));
    }

    [Fact]
    public async Task ManualDryRunFalse_WhileConfiguredDryRun_Rejected()
    {
        var h = new SweepHarness();
        SeedExpired(h, 1);

        var ex = await Assert.ThrowsAsync<AmiAutomation.Runtime.Functions.InvalidEventException>(
            () => h.InvokeAsync(h.Expire(), """{"dryRun": false}"""));

        Assert.Contains("DRY_RUN=true", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Ec2.Calls.Count);
    }

    [Fact]
    public async Task Deadline_CutRunStopsEarly_NextRunFinishesWithoutRepeating()
    {
        var calibration = new SweepHarness();
        calibration.Live();
        calibration.Time.AutoAdvanceAmount = TimeSpan.FromSeconds(1);
        SeedExpired(calibration, 6);
        using (var never = new CancellationTokenSource(TimeSpan.FromDays(1), calibration.Time))
        {
            await calibration.InvokeAsync(calibration.Expire(), SweepHarness.ScheduleJson, never.Token);
        }

        var cut = calibration.Ec2.Calls.All.Where(c => c.Action == "DeregisterImage").ElementAt(2).At;

        var h = new SweepHarness();
        h.Live();
        h.Time.AutoAdvanceAmount = TimeSpan.FromSeconds(1);
        var ids = SeedExpired(h, 6);
        using var deadline = new CancellationTokenSource(cut - SweepHarness.Start, h.Time);
        var first = await h.InvokeAsync(h.Expire(), SweepHarness.ScheduleJson, deadline.Token);

        Assert.True(first.StoppedEarly);
        var done = first.Deregistration!.Deregistered;
        var notStarted = first.Outcomes.GetValueOrDefault(OutcomeNames.NotStarted);
        Assert.InRange(done, 1, 5);
        Assert.Equal(6 - done, notStarted);
        Assert.Equal(done, h.Ledger.Records.Count);

        h.Ec2.Calls.Clear();
        h.Ledger.Calls.Clear();
        var second = await h.InvokeAsync(h.Expire());

        Assert.True(second.Completed);
        Assert.Equal(notStarted, second.Deregistration!.Deregistered);
        Assert.Equal(notStarted, h.Ec2.Calls.CountOf("DeregisterImage"));
        Assert.Equal(notStarted, h.Ledger.Calls.Count(c => c.StartsWith("Put", StringComparison.Ordinal)));
        Assert.All(ids, id => Assert.Null(h.Image(id)));
        Assert.Equal(6, h.Ledger.Records.Count);
    }

    [Theory]
    [InlineData("DescribeImages", "Images")]
    [InlineData("DescribeInstances", "Instances")]
    [InlineData("DescribeLaunchTemplates", "LaunchTemplates")]
    [InlineData("DescribeLaunchTemplateVersions", "LaunchTemplates")]
    [InlineData("DescribeImageReferences", "ImageReferences")]
    public async Task FailedSource_NothingDeregisteredAndSourceNamed(string action, string source)
    {
        var h = new SweepHarness();
        h.Live();
        var ids = SeedExpired(h, 3);
        h.Ec2.AddLaunchTemplate(SweepHarness.Region, "unrelated", "ami-00000000000000001");
        h.Ec2.Faults.FailAlways(action, "InternalError", HttpStatusCode.InternalServerError);

        var summary = await h.InvokeAsync(h.Expire());

        Assert.Contains(summary.FailedSources, s => s.Source == source && s.Status == "Failed");
        Assert.Equal(0, h.Ec2.Calls.CountOf("DeregisterImage"));
        Assert.Empty(h.Ledger.Calls);
        Assert.All(ids, id => Assert.NotNull(h.Image(id)));
        Assert.Equal(0, summary.Deregistration!.Deregistered);
        Assert.True(h.Metric(MetricNames.InventorySourceFailures, source) >= 1);
    }

    /// <summary>A real truncation: every page of the listing returns the same NextToken (leading back to page one), so the
    /// listing never ends; the reader must notice the loop, report the source Truncated and deregister nothing.</summary>
    [Theory]
    [InlineData("DescribeImages", "Images")]
    [InlineData("DescribeInstances", "Instances")]
    [InlineData("DescribeLaunchTemplates", "LaunchTemplates")]
    [InlineData("DescribeLaunchTemplateVersions", "LaunchTemplates")]
    [InlineData("DescribeImageReferences", "ImageReferences")]
    public async Task TruncatedPaging_TokenLoopTreatedAsIncomplete_NothingDeregistered(string action, string source)
    {
        var h = new SweepHarness();
        h.Live();
        var ids = SeedExpired(h, 2);
        h.Ec2.AddLaunchTemplate(SweepHarness.Region, "unrelated", "ami-00000000000000001");
        h.Ec2.Lies.LoopTokens(action);

        var summary = await h.InvokeAsync(h.Expire());

        var report = Assert.Single(summary.FailedSources, s => s.Source == source);
        Assert.Equal("Truncated", report.Status);
        Assert.Contains("a second time", report.Error, StringComparison.Ordinal);
        Assert.All(summary.FailedSources, s => Assert.Equal("Truncated", s.Status));
        Assert.Equal(2, h.Ec2.Calls.CountOf(action));
        Assert.Equal(0, h.Ec2.Calls.CountOf("DeregisterImage"));
        Assert.Empty(h.Ledger.Calls);
        Assert.All(ids, id => Assert.NotNull(h.Image(id)));
    }

    [Fact]
    public async Task DisabledSource_NotCalledAndNotBlocking()
    {
        var h = new SweepHarness();
        h.Live().Set(CommonSettings.DisabledReferenceSourcesVariable, "image-references");
        var ids = SeedExpired(h, 2);
        h.Ec2.Faults.FailAlways("DescribeImageReferences", "InternalError", HttpStatusCode.InternalServerError);

        var summary = await h.InvokeAsync(h.Expire());

        Assert.Empty(summary.FailedSources);
        Assert.Equal(2, summary.Deregistration!.Deregistered);
        Assert.Equal(0, h.Ec2.Calls.CountOf("DescribeImageReferences"));
        Assert.All(ids, id => Assert.Null(h.Image(id)));
    }
}
