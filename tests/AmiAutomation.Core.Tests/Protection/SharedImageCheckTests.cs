using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Protection;
using AmiAutomation.Core.References;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Protection;

public class SharedImageCheckTests
{
    private const string Organization = "arn:aws:organizations::111122223333:organization/o-abc123";
    private static readonly ProtectionOptions Keep = new() { RecentLaunchWindow = null };
    private static readonly ProtectionOptions WhenUnused = Keep with { SharedImages = SharedImageRule.KeepUnlessUnused };

    private static AmiImage Shared(ImageUsageReport? report = null) =>
        TestImages.Image("ami-1") with { LaunchPermissions = [new(LaunchPermissionKind.Account, TestImages.OtherAccount)], UsageReport = report };

    private static ImageUsageReport Available(double ageDays, params ImageUsageEntry[] entries) =>
        new() { ReportId = "amiur-1", State = UsageReportState.Available, CreatedAt = TestImages.Now.AddDays(-ageDays), Entries = entries };

    private static IReadOnlyList<DecisionReason> Evaluate(AmiImage image, ProtectionOptions options) =>
        ImageProtections.Evaluate(image, TestImages.Account, new ReferenceIndex([]), options, TestImages.Now);

    [Fact]
    public void Evaluate_UnreadPermissions_AreSharedByDefault()
    {
        var reason = Assert.Single(Evaluate(TestImages.Image("ami-1"), Keep));

        Assert.Equal(ReasonCode.SharedImage, reason.Code);
        Assert.Contains("not read", reason.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OwnAccountOrPublicOnly_IsNotShared()
    {
        var image = TestImages.Image("ami-1") with { LaunchPermissions = [new(LaunchPermissionKind.Account, TestImages.Account)] };

        Assert.Empty(Evaluate(image, Keep));
        Assert.Empty(Evaluate(TestImages.Image("ami-1") with { LaunchPermissions = [] }, Keep));
        Assert.Equal([ReasonCode.PublicImage], Evaluate(TestImages.Image("ami-1") with { LaunchPermissions = [LaunchPermission.Public] }, Keep).Select(r => r.Code));
    }

    [Fact]
    public void Evaluate_PublicAndShared_ListsBothInFixedOrder()
    {
        var image = Shared() with { LaunchPermissions = [LaunchPermission.Public, new(LaunchPermissionKind.Organization, Organization)] };

        Assert.Equal([ReasonCode.PublicImage, ReasonCode.SharedImage], Evaluate(image, Keep).Select(r => r.Code));
        Assert.Equal([ReasonCode.SharedImage], Evaluate(image, Keep with { AllowPublic = true }).Select(r => r.Code));
    }

    [Fact]
    public void Evaluate_Keep_NamesTheShares()
    {
        var reason = Assert.Single(Evaluate(Shared(Available(1)), Keep));

        Assert.Contains("account " + TestImages.OtherAccount, reason.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Allow_IgnoresSharesAndUnreadPermissions()
    {
        Assert.Empty(Evaluate(Shared(), Keep with { SharedImages = SharedImageRule.Allow }));
        Assert.Empty(Evaluate(TestImages.Image("ami-1"), Keep with { SharedImages = SharedImageRule.Allow }));
    }

    public static TheoryData<string, ImageUsageReport?, string> AwaitedReports => new()
    {
        { "none read", null, "no usage report was read" },
        { "missing", new ImageUsageReport { State = UsageReportState.None, Action = "requested amiur-9 in this run" }, "requested amiur-9" },
        { "pending", new ImageUsageReport { ReportId = "amiur-2", State = UsageReportState.Pending, CreatedAt = TestImages.Now.AddHours(-1) }, "awaiting usage report amiur-2 (pending" },
        { "error", new ImageUsageReport { ReportId = "amiur-3", State = UsageReportState.Error, CreatedAt = TestImages.Now.AddDays(-1), StateReason = "internal" }, "amiur-3 (created 2025-05-31T12:00Z) ended in error (internal)" },
        { "stale", Available(8), "older than 7 days" },
        { "from the future", Available(-1), "older than 7 days" },
        { "used", Available(1, new ImageUsageEntry("444455556666", "ec2:Instance", 2)), "shows use: account 444455556666 2 ec2:Instance" },
        { "partial", Available(1) with { CoversAllUse = false }, "does not cover" },
    };

    [Theory]
    [MemberData(nameof(AwaitedReports))]
    public void Evaluate_WhenUnused_KeepsUntilAFreshReportShowsNoUse(string scenario, ImageUsageReport? report, string detail)
    {
        var reason = Assert.Single(Evaluate(Shared(report), WhenUnused));

        Assert.Equal(ReasonCode.SharedImage, reason.Code);
        Assert.True(reason.Detail.Contains(detail, StringComparison.Ordinal), $"{scenario}: {reason.Detail}");
    }

    [Fact]
    public void Evaluate_WhenUnused_FreshUnusedReport_Allows()
    {
        Assert.Empty(Evaluate(Shared(Available(6.9)), WhenUnused));
        Assert.Empty(Evaluate(Shared(Available(6.9, new ImageUsageEntry("444455556666", "ec2:LaunchTemplate", 0))), WhenUnused));
    }

    [Fact]
    public void KeepUnread_PlannedDeregistrationWithUnreadPermissions_BecomesSharedImageSkip()
    {
        var old = TestImages.Image("ami-old", ageDays: 400).DeprecatedDaysAgo(60);
        var read = TestImages.Image("ami-read", ageDays: 300).DeprecatedDaysAgo(60) with { LaunchPermissions = [] };
        var policy = new ExpiryPolicy { KeepNewest = 1 };
        var plan = ExpiryPlanner.Plan(TestInventory.Of(old, read, TestImages.Image("ami-new", ageDays: 1)), policy, PlanSelection.All, TestImages.Now);
        Assert.Equal(2, plan.Actions.Count());

        var kept = SharedImageCheck.KeepUnread(plan, new Dictionary<string, string> { ["ami-old"] = "UnauthorizedOperation: denied" });

        var decision = kept.Decisions.Single(d => d.Image.ImageId == "ami-old");
        Assert.Equal(DecisionAction.None, decision.Action);
        Assert.Equal([ReasonCode.SharedImage, ReasonCode.DeprecatedLongEnough], decision.Reasons.Select(r => r.Code));
        Assert.Contains("UnauthorizedOperation", decision.Reasons[0].Detail, StringComparison.Ordinal);
        Assert.Equal(DecisionAction.Deregister, kept.Decisions.Single(d => d.Image.ImageId == "ami-read").Action);
        Assert.Same(kept, SharedImageCheck.KeepUnread(kept, new Dictionary<string, string>()));
    }

    [Fact]
    public void Plan_WhenUnused_FreshUnusedReport_DeregistersWithANote()
    {
        var old = Shared(Available(1)) with { CreationDate = TestImages.Now.AddDays(-400), DeprecationTime = TestImages.Now.AddDays(-60) };
        var inventory = TestInventory.Of(old, TestImages.Image("ami-new", ageDays: 1));
        var policy = new ExpiryPolicy { KeepNewest = 1, SharedImages = SharedImageRule.KeepUnlessUnused };

        var decision = ExpiryPlanner.Plan(inventory, policy, PlanSelection.All, TestImages.Now).Decisions.Single(d => d.Image.ImageId == "ami-1");

        Assert.Equal(DecisionAction.Deregister, decision.Action);
        Assert.Equal([ReasonCode.DeprecatedLongEnough, ReasonCode.SharedImage], decision.Reasons.Select(r => r.Code));
        Assert.Contains("amiur-1", decision.Reasons[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ExpiryPolicy_RejectsAllowAndBadMaxAge()
    {
        var errors = new ExpiryPolicy { SharedImages = SharedImageRule.Allow, UsageReportMaxAgeDays = 31 }.Validate().Errors;

        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Choose_PrefersNewestFreshReport_ThenPending_ElseRequests()
    {
        var fresh = Available(2) with { ReportId = "amiur-fresh" };
        var older = Available(3) with { ReportId = "amiur-older" };
        var stale = Available(9) with { ReportId = "amiur-stale" };
        var pending = new ImageUsageReport { ReportId = "amiur-p", State = UsageReportState.Pending, CreatedAt = TestImages.Now.AddMinutes(-5) };
        var error = new ImageUsageReport { ReportId = "amiur-e", State = UsageReportState.Error, CreatedAt = TestImages.Now.AddMinutes(-1) };
        var maxAge = TimeSpan.FromDays(7);

        Assert.Equal(new UsageReportChoice(fresh, true, false), UsageReportSelector.Choose([older, stale, fresh, pending], maxAge, TestImages.Now));
        Assert.Equal(new UsageReportChoice(pending, false, false), UsageReportSelector.Choose([stale, pending, error], maxAge, TestImages.Now));
        Assert.Equal(new UsageReportChoice(error, false, true), UsageReportSelector.Choose([stale, error], maxAge, TestImages.Now));
        Assert.Equal(new UsageReportChoice(null, false, true), UsageReportSelector.Choose([], maxAge, TestImages.Now));
        Assert.True(UsageReportSelector.Choose([fresh with { CoversAllUse = false }], maxAge, TestImages.Now).Request);
    }
}
