using System.Globalization;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Deprecate;
using AmiAutomation.Functions.Tests.Common;

namespace AmiAutomation.Functions.Tests.Deprecate;

/// <summary>The deprecate function end to end against the simulator: each rule and each "never".</summary>
public sealed class DeprecateFunctionTests
{
    private readonly SweepHarness _h = new();

    private DateTimeOffset? DeprecationOf(string imageId) =>
        _h.Image(imageId)?.DeprecationTime is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : null;

    private string Family(string family, double daysOld) =>
        _h.AddImage(b => b.Named($"{family}-{_h.Time.GetUtcNow().AddDays(-daysOld):yyyyMMddHHmm}").CreatedDaysAgo(daysOld));

    private static DecisionSummary Line(RunSummary summary, string imageId) => summary.Decisions.Single(d => d.ImageId == imageId);

    [Fact]
    public async Task Schedule_OldImageWithNewerSibling_DeprecatedSoonAndNewestKept()
    {
        _h.Live();
        var old = Family("web", 120);
        var newest = Family("web", 2);

        var summary = await _h.InvokeAsync(_h.Deprecate(), """{"source":"schedule"}""");

        Assert.True(summary.Completed);
        Assert.False(summary.DryRun);
        Assert.Equal("succeeded", Line(summary, old).Outcome);
        Assert.Equal("OlderThanMaxAge", Line(summary, old).Reason);
        var at = DeprecationOf(old);
        Assert.NotNull(at);
        Assert.InRange(at!.Value, SweepHarness.Start.AddMinutes(1), SweepHarness.Start.AddMinutes(2));
        Assert.Equal("NewestInFamily", Line(summary, newest).Reason);
        Assert.Null(DeprecationOf(newest));
        Assert.Equal(1, _h.Metric(MetricNames.AmisDeprecated));
        Assert.Equal(1, _h.Metric(MetricNames.SkippedImages, "NewestInFamily"));
    }

    [Fact]
    public async Task PublicImageOlderThanTwoYears_SkippedWithReason_NoFailedCallEveryDay()
    {
        _h.Live();
        var old = _h.AddImage(b => b.Named("pub-201901010000").CreatedDaysAgo(800).Public());
        var oldPrivate = Family("pub", 700);
        Family("pub", 2);

        var summary = await _h.InvokeAsync(_h.Deprecate());

        Assert.Equal(("skipped", "PublicPastDeprecationLimit"), (Line(summary, old).Outcome, Line(summary, old).Reason));
        Assert.Null(DeprecationOf(old));
        Assert.Equal("succeeded", Line(summary, oldPrivate).Outcome);
        Assert.DoesNotContain(summary.Decisions, d => d.Outcome == "failed");
        Assert.Equal(1, _h.Ec2.Calls.All.Count(c => c.Action == "EnableImageDeprecation"));
    }

    [Fact]
    public async Task Superseded_EnoughNewerImages_DeprecatedEvenWhenYoung()
    {
        _h.Live()
            .Set(DeprecateSettings.DeprecateAfterDaysVariable, "off")
            .Set(DeprecateSettings.DeprecateWhenNewerCountVariable, "2");
        var a = Family("api", 4);
        var b = Family("api", 3);
        var c = Family("api", 2);
        var d = Family("api", 1);

        var summary = await _h.InvokeAsync(_h.Deprecate());

        Assert.Equal("SupersededByNewer", Line(summary, a).Reason);
        Assert.Equal("SupersededByNewer", Line(summary, b).Reason);
        Assert.Equal("NotDue", Line(summary, c).Reason);
        Assert.Equal("NewestInFamily", Line(summary, d).Reason);
        Assert.NotNull(DeprecationOf(a));
        Assert.NotNull(DeprecationOf(b));
        Assert.Null(DeprecationOf(c));
    }

    [Fact]
    public async Task KeepNewest_ThreeOfFiveOldImagesKept()
    {
        _h.Live().Set(DeprecateSettings.KeepNewestVariable, "3");
        var ids = new[] { 500, 400, 300, 200, 100 }.Select(days => Family("db", days)).ToList();

        var summary = await _h.InvokeAsync(_h.Deprecate());

        Assert.Equal(["succeeded", "succeeded", "skipped", "skipped", "skipped"], ids.Select(id => Line(summary, id).Outcome));
        Assert.All(ids.Skip(2), id => Assert.Equal("NewestInFamily", Line(summary, id).Reason));
        Assert.Equal(2, summary.Outcomes[OutcomeNames.Succeeded]);
    }

    [Fact]
    public async Task EarlierExistingDeprecation_NeverMovedLater()
    {
        _h.Live().Set(DeprecateSettings.DeprecationDelayDaysVariable, "30");
        var earlier = SweepHarness.Start.AddDays(-5);
        var image = _h.AddImage(b => b.Named("app-1").Tagged(TagNames.Family, "app").CreatedDaysAgo(200).DeprecatedAt(earlier));
        _h.AddImage(b => b.Named("app-2").Tagged(TagNames.Family, "app").CreatedDaysAgo(1));

        var summary = await _h.InvokeAsync(_h.Deprecate());

        Assert.Equal("AlreadyDeprecatedEarlier", Line(summary, image).Reason);
        Assert.Equal(earlier, DeprecationOf(image));
        Assert.Equal(0, _h.Ec2.Calls.CountOf("EnableImageDeprecation"));
    }

    [Fact]
    public async Task LaterManualDeprecation_LeftAloneByDefault()
    {
        _h.Live();
        var manual = SweepHarness.Start.AddDays(200);
        var image = _h.AddImage(b => b.Named("app-1").Tagged(TagNames.Family, "app").CreatedDaysAgo(200).DeprecatedAt(manual));
        _h.AddImage(b => b.Named("app-2").Tagged(TagNames.Family, "app").CreatedDaysAgo(1));

        var summary = await _h.InvokeAsync(_h.Deprecate());

        Assert.Equal("DeprecationSetByHand", Line(summary, image).Reason);
        Assert.Equal(manual, DeprecationOf(image));
    }

    [Fact]
    public async Task LaterManualDeprecation_MovedEarlierWhenAllowed()
    {
        _h.Live().Set(DeprecateSettings.AllowMovingManualDeprecationVariable, "true");
        var image = _h.AddImage(b => b.Named("app-1").Tagged(TagNames.Family, "app").CreatedDaysAgo(200).DeprecatedAt(SweepHarness.Start.AddDays(200)));
        _h.AddImage(b => b.Named("app-2").Tagged(TagNames.Family, "app").CreatedDaysAgo(1));

        var summary = await _h.InvokeAsync(_h.Deprecate());

        Assert.Equal("succeeded", Line(summary, image).Outcome);
        Assert.Contains(Line(summary, image).Reasons, r => r.StartsWith("DeprecationMovedEarlier", StringComparison.Ordinal));
        Assert.True(DeprecationOf(image) < SweepHarness.Start.AddDays(1));
    }

    [Fact]
    public async Task PublicImage_ClampedToTwoYearsAfterCreation()
    {
        _h.Live().Set(DeprecateSettings.DeprecationDelayDaysVariable, "365");
        var created = SweepHarness.Start.AddDays(-600);
        var image = _h.AddImage(b => b.Named("pub-1").Tagged(TagNames.Family, "pub").CreatedAt(created).Public());
        _h.AddImage(b => b.Named("pub-2").Tagged(TagNames.Family, "pub").CreatedDaysAgo(1));

        var summary = await _h.InvokeAsync(_h.Deprecate());

        Assert.Equal("succeeded", Line(summary, image).Outcome);
        Assert.Contains(Line(summary, image).Reasons, r => r.StartsWith("DeprecationClamped", StringComparison.Ordinal));
        Assert.Equal(created.AddYears(2), DeprecationOf(image));
    }

    [Fact]
    public async Task CopyFollowsSource_AndIsClampedToTenYears()
    {
        _h.Live();
        var farAway = SweepHarness.Start.AddYears(11);
        var source = _h.AddImage(b => b.Named("base-src").CreatedDaysAgo(10).Tagged(TagNames.Family, "base").DeprecatedAt(farAway));
        var copy = _h.AddImage(b => b.Named("base-copy").CreatedDaysAgo(5).Tagged(TagNames.Family, "base").Tagged(TagNames.SourceImage, source));
        _h.AddImage(b => b.Named("base-new").CreatedDaysAgo(1).Tagged(TagNames.Family, "base"));

        var summary = await _h.InvokeAsync(_h.Deprecate());

        Assert.Equal("FollowsSourceDeprecation", Line(summary, copy).Reason);
        Assert.Contains(Line(summary, copy).Reasons, r => r.StartsWith("DeprecationClamped", StringComparison.Ordinal));
        Assert.Equal(SweepHarness.Start.AddYears(10), DeprecationOf(copy));
        Assert.Equal(farAway, DeprecationOf(source));
    }

    [Fact]
    public async Task CopyFollowsSource_SourceDeprecatedThisRun_CopyGetsSameTime()
    {
        _h.Live();
        var source = _h.AddImage(b => b.Named("base-src").CreatedDaysAgo(200).Tagged(TagNames.Family, "base"));
        var copy = _h.AddImage(b => b.Named("base-copy").CreatedDaysAgo(5).Tagged(TagNames.Family, "base").Tagged(TagNames.SourceImage, source));
        _h.AddImage(b => b.Named("base-new").CreatedDaysAgo(1).Tagged(TagNames.Family, "base"));

        var summary = await _h.InvokeAsync(_h.Deprecate());

        Assert.Equal("FollowsSourceDeprecation", Line(summary, copy).Reason);
        Assert.NotNull(DeprecationOf(source));
        Assert.Equal(DeprecationOf(source), DeprecationOf(copy));
    }

    [Fact]
    public async Task ProtectedImages_SkippedWithTheirReasons()
    {
        _h.Live();
        var kept = _h.AddImage(b => b.Named("p-1").Tagged(TagNames.Family, "p").CreatedDaysAgo(300).Tagged(TagNames.Keep, "true"));
        var used = _h.AddImage(b => b.Named("p-2").Tagged(TagNames.Family, "p").CreatedDaysAgo(300));
        var dlm = _h.AddImage(b => b.Named("p-3").Tagged(TagNames.Family, "p").CreatedDaysAgo(300).Tagged("aws:dlm:lifecycle-policy-id", "policy-0123"));
        var foreign = _h.AddImage(b => b.Named("p-4").Tagged(TagNames.Family, "p").CreatedDaysAgo(300).OwnedBy("210987654321").Public());
        _h.AddImage(b => b.Named("p-5").Tagged(TagNames.Family, "p").CreatedDaysAgo(1));
        _h.Ec2.AddInstance(SweepHarness.Region, used);

        var summary = await _h.InvokeAsync(_h.Deprecate());

        Assert.Equal("KeepTag", Line(summary, kept).Reason);
        Assert.Equal("InUse", Line(summary, used).Reason);
        Assert.Contains("instance i-", Line(summary, used).Reasons[0], StringComparison.Ordinal);
        Assert.Equal("ManagedByDataLifecycleManager", Line(summary, dlm).Reason);
        Assert.DoesNotContain(summary.Decisions, d => d.ImageId == foreign);
        Assert.All(new[] { kept, used, dlm }, id => Assert.Null(DeprecationOf(id)));
        Assert.Equal(1, _h.Metric(MetricNames.SkippedImages, "InUse"));
    }

    [Fact]
    public async Task IncludeManagedBy_Dlm_DeprecatesDlmImages()
    {
        _h.Live().Set(ManagedByOptions.Variable, "dlm");
        var dlm = _h.AddImage(b => b.Named("p-3").Tagged(TagNames.Family, "p").CreatedDaysAgo(300).Tagged("aws:dlm:lifecycle-policy-id", "policy-0123"));
        _h.AddImage(b => b.Named("p-5").Tagged(TagNames.Family, "p").CreatedDaysAgo(1));

        var summary = await _h.InvokeAsync(_h.Deprecate());

        Assert.Equal("succeeded", Line(summary, dlm).Outcome);
    }

    [Fact]
    public async Task SecondRun_RepeatsNothing()
    {
        _h.Live();
        var old = Family("web", 120);
        Family("web", 2);
        await _h.InvokeAsync(_h.Deprecate());
        var first = DeprecationOf(old);
        _h.Time.Advance(TimeSpan.FromHours(1));
        _h.Ec2.Calls.Clear();

        var summary = await _h.InvokeAsync(_h.Deprecate());

        Assert.Equal("AlreadyDeprecatedEarlier", Line(summary, old).Reason);
        Assert.Equal(first, DeprecationOf(old));
        Assert.Equal(0, _h.Ec2.Calls.CountOf("EnableImageDeprecation"));
    }
}
