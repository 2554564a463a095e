using AmiAutomation.Core.Images;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Simulation.Fleet;
using Amazon.EC2.Model;
using SdkLaunchPermission = Amazon.EC2.Model.LaunchPermission;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>
/// "A shared image is never lost", end to end through the expire function on the simulator. Every reference source
/// is switched off, so only the SharedImage protection (and the stage that reads launch permissions and usage reports)
/// stands between a shared image and its deregistration; an unshared image in the same run is the positive control.
/// </summary>
public sealed class ExpireSharedImageTests
{
    private const string Consumer = "444455556666";
    private const string Organization = "arn:aws:organizations::999988887777:organization/o-abc123def4";
    private const string Unit = "arn:aws:organizations::999988887777:ou/o-abc123def4/ou-ab12-cdef3456";
    private readonly SweepHarness _h = new();
    private readonly string _shared;
    private readonly string _control;

    public ExpireSharedImageTests()
    {
        _h.Live()
            .Set(CommonSettings.DisabledReferenceSourcesVariable, "Instances,LaunchTemplates,ImageReferences,LastLaunchedTime")
            .Set(ExpireSettings.KeepNewestVariable, "1");
        _shared = Expired("svc", 300);
        _h.AddImage(b => b.Named("svc-new").Tagged(TagNames.Family, "svc").CreatedDaysAgo(1));
        _control = Expired("other", 300);
        _h.AddImage(b => b.Named("other-new").Tagged(TagNames.Family, "other").CreatedDaysAgo(1));
    }

    private string Expired(string family, int daysOld) =>
        _h.AddImage(b => b.Named($"{family}-{daysOld}").Tagged(TagNames.Family, family).CreatedDaysAgo(daysOld)
            .DeprecatedAt(SweepHarness.Start.AddDays(-60)));

    private Task Share(string imageId, SdkLaunchPermission permission) =>
        _h.Ec2.ClientFor(SweepHarness.Region).ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = imageId,
            LaunchPermission = new LaunchPermissionModifications { Add = [permission] },
        });

    private bool Exists(string imageId) => _h.Image(imageId) is not null;

    private static DecisionSummary Line(RunSummary summary, string imageId) => summary.Decisions.Single(d => d.ImageId == imageId);

    private void WhenUnused() => _h.Environment[ExpireSettings.ExpireSharedImagesVariable] = "when-unused";

    public static TheoryData<string> Shares => new() { "account", "organization", "ou" };

    private static SdkLaunchPermission Permission(string kind) => kind switch
    {
        "account" => new SdkLaunchPermission { UserId = Consumer },
        "organization" => new SdkLaunchPermission { OrganizationArn = Organization },
        _ => new SdkLaunchPermission { OrganizationalUnitArn = Unit },
    };

    [Theory]
    [MemberData(nameof(Shares))]
    public async Task Expire_SharedImage_KeptByDefault_UnsharedControlDeregistered(string kind)
    {
        await Share(_shared, Permission(kind));

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.True(Exists(_shared));
        Assert.Equal("SharedImage", Line(summary, _shared).Reason);
        Assert.Contains(Line(summary, _shared).Reasons, r => r.Contains("never deregistered", StringComparison.Ordinal));
        Assert.False(Exists(_control));
        Assert.Equal(OutcomeNames.Succeeded, Line(summary, _control).Outcome);
        Assert.Empty(summary.FailedSources);
    }

    [Fact]
    public async Task Expire_ReadsLaunchPermissionsOfCandidatesOnly()
    {
        for (var i = 0; i < 20; i++)
        {
            _h.AddImage(b => b.Named($"fresh-{i}").Tagged(TagNames.Family, "fresh").CreatedDaysAgo(10 + i));
        }

        await Share(_shared, Permission("account"));
        var before = _h.Ec2.Calls.CountOf("DescribeImageAttribute");

        await _h.InvokeAsync(_h.Expire());

        // Two candidates read by the stage, one re-read by the executor's re-check of the control; nothing for the 22 others.
        Assert.Equal(3, _h.Ec2.Calls.CountOf("DescribeImageAttribute") - before);
    }

    [Fact]
    public async Task Expire_LaunchPermissionsUnreadable_KeptAndSourceFailed()
    {
        await Share(_shared, Permission("account"));
        _h.Ec2.Faults.FailNext("DescribeImageAttribute", 2, "RequestLimitExceeded", System.Net.HttpStatusCode.ServiceUnavailable);

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.True(Exists(_shared));
        Assert.True(Exists(_control));
        Assert.Contains(summary.FailedSources, s => s.Source == "LaunchPermissions");
        Assert.Contains(Line(summary, _shared).Reasons, r => r.StartsWith("SharedImage: launch permissions could not be read", StringComparison.Ordinal));
        Assert.Equal(0, summary.Deregistration!.Deregistered);
    }

    [Fact]
    public async Task Expire_LaunchPermissionsSourceDisabled_ReCheckStillKeepsShared()
    {
        _h.Environment[CommonSettings.DisabledReferenceSourcesVariable] += ",LaunchPermissions";
        await Share(_shared, Permission("organization"));

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.True(Exists(_shared));
        Assert.Equal(OutcomeNames.Skipped, Line(summary, _shared).Outcome);
        Assert.Contains("SharedImage", Line(summary, _shared).Detail, StringComparison.Ordinal);
        Assert.False(Exists(_control));
    }

    [Fact]
    public async Task Expire_PublicOnly_GovernedByThePublicRule()
    {
        var publicImage = _h.AddImage(b => b.Named("pub-300").Tagged(TagNames.Family, "pub").CreatedDaysAgo(300).DeprecatedAt(SweepHarness.Start.AddDays(-60)).Public());
        _h.AddImage(b => b.Named("pub-new").Tagged(TagNames.Family, "pub").CreatedDaysAgo(1));

        var kept = await _h.InvokeAsync(_h.Expire());
        Assert.Equal(["PublicImage: image is public; the policy does not allow public images"], Line(kept, publicImage).Reasons);

        _h.Environment[ExpireSettings.AllowPublicVariable] = "true";
        var allowed = await _h.InvokeAsync(_h.Expire());
        Assert.Equal(OutcomeNames.Succeeded, Line(allowed, publicImage).Outcome);
        Assert.False(Exists(publicImage));
    }

    [Fact]
    public async Task WhenUnused_MissingThenPendingThenFreshUnused_Expires()
    {
        WhenUnused();
        await Share(_shared, Permission("account"));

        var first = await _h.InvokeAsync(_h.Expire());
        var report = Assert.Single(_h.Ec2.UsageReportsOf(SweepHarness.Region, _shared));
        Assert.Equal("pending", report.State);
        Assert.Contains(Line(first, _shared).Reasons, r => r.Contains($"awaiting usage report {report.ReportId}", StringComparison.Ordinal) && r.Contains("requested in this run", StringComparison.Ordinal));
        Assert.True(Exists(_shared));

        _h.Time.Advance(TimeSpan.FromMinutes(30));
        var second = await _h.InvokeAsync(_h.Expire());
        Assert.Single(_h.Ec2.UsageReportsOf(SweepHarness.Region, _shared));
        Assert.Contains(Line(second, _shared).Reasons, r => r.Contains($"awaiting usage report {report.ReportId} (pending", StringComparison.Ordinal));
        Assert.True(Exists(_shared));

        _h.Time.Advance(TimeSpan.FromHours(1));
        var third = await _h.InvokeAsync(_h.Expire());
        Assert.Equal(OutcomeNames.Succeeded, Line(third, _shared).Outcome);
        Assert.Contains(Line(third, _shared).Reasons, r => r.StartsWith("SharedImage: shared with account " + Consumer, StringComparison.Ordinal) && r.Contains("shows no use", StringComparison.Ordinal));
        Assert.False(Exists(_shared));
        var record = _h.Ledger.Records.Single(r => r.ImageId == _shared);
        Assert.Contains(record.LaunchPermissions, p => p.Kind == LaunchPermissionKind.Account && p.Value == Consumer);
    }

    [Theory]
    [InlineData("ec2:Instance")]
    [InlineData("ec2:LaunchTemplate")]
    public async Task WhenUnused_FreshReportShowsUseInAnyAccount_Kept(string resourceType)
    {
        WhenUnused();
        await Share(_shared, Permission("ou"));
        _h.Ec2.SetExternalUsage(SweepHarness.Region, _shared, "777788889999", resourceType, 1);
        await _h.InvokeAsync(_h.Expire());
        _h.Time.Advance(TimeSpan.FromHours(2));

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.True(Exists(_shared));
        Assert.Contains(Line(summary, _shared).Reasons, r => r.Contains($"shows use: account 777788889999 1 {resourceType}", StringComparison.Ordinal));
        Assert.False(Exists(_control));
    }

    [Fact]
    public async Task WhenUnused_ErroredReport_KeptAndANewOneRequested()
    {
        WhenUnused();
        await Share(_shared, Permission("account"));
        _h.Ec2.FailNextUsageReport(SweepHarness.Region, _shared, "InternalError");
        await _h.InvokeAsync(_h.Expire());
        _h.Time.Advance(TimeSpan.FromHours(2));

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.True(Exists(_shared));
        Assert.Equal(["error", "pending"], _h.Ec2.UsageReportsOf(SweepHarness.Region, _shared).Select(r => r.State));
        Assert.Contains(Line(summary, _shared).Reasons, r => r.Contains("requested in this run (the last one", StringComparison.Ordinal) && r.Contains("is error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenUnused_StaleReport_KeptAndANewOneRequested_ThenExpires()
    {
        WhenUnused();
        _h.Environment[ExpireSettings.UsageReportMaxAgeDaysVariable] = "3";
        await Share(_shared, Permission("account"));
        await _h.InvokeAsync(_h.Expire());
        _h.Time.Advance(TimeSpan.FromDays(4));

        var stale = await _h.InvokeAsync(_h.Expire());

        Assert.True(Exists(_shared));
        Assert.Equal(["available", "pending"], _h.Ec2.UsageReportsOf(SweepHarness.Region, _shared).Select(r => r.State));
        Assert.Contains(Line(stale, _shared).Reasons, r => r.Contains("too old or partial", StringComparison.Ordinal));

        _h.Time.Advance(TimeSpan.FromHours(2));
        await _h.InvokeAsync(_h.Expire());
        Assert.False(Exists(_shared));
    }

    [Fact]
    public async Task WhenUnused_DryRun_ReadsButDoesNotCreateReports()
    {
        WhenUnused();
        _h.Environment[CommonSettings.DryRunVariable] = "true";
        await Share(_shared, Permission("account"));

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Empty(_h.Ec2.UsageReportsOf(SweepHarness.Region, _shared));
        Assert.Equal(1, _h.Ec2.Calls.All.Count(c => c.Action == "CreateImageUsageReport" && c.DryRun));
        Assert.Equal(1, _h.Ec2.Calls.CountOf("DescribeImageUsageReports"));
        Assert.Contains(Line(summary, _shared).Reasons, r => r.Contains("dry run: would request a new usage report", StringComparison.Ordinal));
        Assert.Equal(["ModifyImageAttribute"], _h.LiveMutations()); // the test's own share
    }

    [Fact]
    public async Task WhenUnused_UsageReportsUnreadable_NothingDeregistered()
    {
        WhenUnused();
        await Share(_shared, Permission("account"));
        _h.Ec2.Faults.FailNext("DescribeImageUsageReports", 1, "UnauthorizedOperation", System.Net.HttpStatusCode.Forbidden);

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Contains(summary.FailedSources, s => s.Source == "UsageReports");
        Assert.True(Exists(_shared));
        Assert.True(Exists(_control));
        Assert.Empty(_h.Ec2.UsageReportsOf(SweepHarness.Region, _shared));
    }

    [Fact]
    public async Task WhenUnused_UsageReportsSourceDisabled_SharedKept()
    {
        WhenUnused();
        _h.Environment[CommonSettings.DisabledReferenceSourcesVariable] += ",UsageReports";
        await Share(_shared, Permission("account"));

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.True(Exists(_shared));
        Assert.Contains(Line(summary, _shared).Reasons, r => r.Contains("no usage report was read", StringComparison.Ordinal));
        Assert.Equal(0, _h.Ec2.Calls.CountOf("DescribeImageUsageReports"));
        Assert.False(Exists(_control));
    }

    [Fact]
    public async Task Expire_GeneratedFactoryFleet_NeverDeregistersASharedImage()
    {
        var h = new SweepHarness();
        h.Live().Set(ExpireSettings.MaxDeregistrationsPerRunVariable, "1000").Set(CommonSettings.MaxDestructiveActionsPerRunVariable, "1000");
        var options = new FleetOptions { ImageCount = 400, Regions = [SweepHarness.Region], Seed = 7, Now = SweepHarness.Start, SharedImageRate = 0.3 };
        FleetGenerator.Generate(h.Ec2, options);
        var shared = h.Ec2.ListImages(SweepHarness.Region).Select(i => i.ImageId)
            .Where(id => h.Ec2.LaunchPermissionsOf(SweepHarness.Region, id).Any(p => p.Kind == LaunchPermissionKind.Account))
            .ToList();
        Assert.NotEmpty(shared);

        var summary = await h.InvokeAdvancingClockAsync(h.Expire());

        Assert.True(summary.Deregistration!.Deregistered > 0, "positive control: the fleet has unshared expired images");
        Assert.All(shared, id => Assert.NotNull(h.Image(id)));
    }
}
