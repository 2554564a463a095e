using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Protection;
using AmiAutomation.Core.References;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Protection;

/// <summary>
/// The edges of the shared-image protection that SharedImageCheckTests leave open (found by mutation testing): the
/// exact instant a usage report stops being fresh, unread permissions without a recorded problem, long lists in details,
/// and argument checks.
/// </summary>
public class SharedImageCheckEdgeTests
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);
    private static readonly ProtectionOptions WhenUnused = new() { RecentLaunchWindow = null, SharedImages = SharedImageRule.KeepUnlessUnused };

    private static ImageUsageReport AvailableAt(DateTimeOffset created, params ImageUsageEntry[] entries) =>
        new() { ReportId = "amiur-1", State = UsageReportState.Available, CreatedAt = created, Entries = entries };

    private static AmiImage SharedWith(params LaunchPermission[] permissions) =>
        TestImages.Image("ami-1") with { LaunchPermissions = permissions };

    private static DecisionReason KeptBecauseShared(AmiImage image) =>
        Assert.Single(ImageProtections.Evaluate(image, TestImages.Account, new ReferenceIndex([]), WhenUnused, TestImages.Now));

    [Fact]
    public void IsFreshAndUnused_ReportExactlyMaxAgeOld_IsFresh()
    {
        Assert.True(SharedImageCheck.IsFreshAndUnused(AvailableAt(TestImages.Now - MaxAge), MaxAge, TestImages.Now));
        Assert.False(SharedImageCheck.IsFreshAndUnused(AvailableAt(TestImages.Now - MaxAge - TimeSpan.FromSeconds(1)), MaxAge, TestImages.Now));
    }

    [Fact]
    public void IsFreshAndUnused_ReportCreatedExactlyNow_IsFresh()
    {
        Assert.True(SharedImageCheck.IsFreshAndUnused(AvailableAt(TestImages.Now), MaxAge, TestImages.Now));
        Assert.False(SharedImageCheck.IsFreshAndUnused(AvailableAt(TestImages.Now.AddSeconds(1)), MaxAge, TestImages.Now));
    }

    [Fact]
    public void Choose_ReportExactlyMaxAgeOld_IsReadNotReplaced()
    {
        var edge = AvailableAt(TestImages.Now - MaxAge);

        Assert.Equal(new UsageReportChoice(edge, ReadEntries: true, Request: false), UsageReportSelector.Choose([edge], MaxAge, TestImages.Now));
    }

    [Fact]
    public void KeepUnread_PlannedDeregistrationUnreadWithoutProblem_KeptAsNotRead()
    {
        var plan = PlanOf(TestImages.Image("ami-old", ageDays: 400).DeprecatedDaysAgo(60));

        var kept = SharedImageCheck.KeepUnread(plan, new Dictionary<string, string>());

        var decision = kept.Decisions.Single(d => d.Image.ImageId == "ami-old");
        Assert.Equal(DecisionAction.None, decision.Action);
        Assert.Equal(ReasonCode.SharedImage, decision.Reasons[0].Code);
        Assert.Equal("launch permissions were not read in this run; it may be shared with other accounts, so it is kept", decision.Reasons[0].Detail);
    }

    [Fact]
    public void KeepUnread_SkippedImageWhoseReadFailed_NamesTheProblemFirst()
    {
        // Not due (deprecated 10 days ago): already skipped, but its failed read is still named.
        var plan = PlanOf(TestImages.Image("ami-old", ageDays: 400).DeprecatedDaysAgo(10));

        var kept = SharedImageCheck.KeepUnread(plan, new Dictionary<string, string> { ["ami-old"] = "Throttling" });

        var decision = kept.Decisions.Single(d => d.Image.ImageId == "ami-old");
        Assert.Equal([ReasonCode.SharedImage, ReasonCode.NotDue], decision.Reasons.Select(r => r.Code));
        Assert.StartsWith("launch permissions could not be read (Throttling)", decision.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepUnread_SkippedUnreadImageWithoutProblem_Unchanged()
    {
        var plan = PlanOf(TestImages.Image("ami-old", ageDays: 400).DeprecatedDaysAgo(10));

        Assert.Same(plan, SharedImageCheck.KeepUnread(plan, new Dictionary<string, string>()));
    }

    [Fact]
    public void Evaluate_WhenUnused_NoReportRead_SaysHowLongAReportStaysValid()
    {
        var reason = KeptBecauseShared(SharedWith(new LaunchPermission(LaunchPermissionKind.Account, TestImages.OtherAccount)));

        Assert.Equal(
            $"shared with account {TestImages.OtherAccount}; no usage report was read for it in this run; kept until one created within 7 days shows no use",
            reason.Detail);
    }

    [Fact]
    public void Evaluate_WhenUnused_ErroredReportWithoutReason_SaysNoReasonGiven()
    {
        var image = SharedWith(new LaunchPermission(LaunchPermissionKind.Account, TestImages.OtherAccount)) with
        {
            UsageReport = new ImageUsageReport { ReportId = "amiur-3", State = UsageReportState.Error, CreatedAt = TestImages.Now.AddDays(-1) },
        };

        Assert.EndsWith("ended in error (no reason given)", KeptBecauseShared(image).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WhenUnused_UseInManyAccounts_NamesThreeAndCountsTheRest()
    {
        var entries = new[]
        {
            new ImageUsageEntry("444455556661", "ec2:Instance", 1),
            new ImageUsageEntry("444455556662", "ec2:Instance", 0),
            new ImageUsageEntry("444455556663", "ec2:LaunchTemplate", 2),
            new ImageUsageEntry("444455556664", "ec2:Instance", 3),
            new ImageUsageEntry("444455556665", "ec2:Instance", 4),
            new ImageUsageEntry("444455556666", "ec2:Instance", 5),
        };
        var image = SharedWith(new LaunchPermission(LaunchPermissionKind.Account, TestImages.OtherAccount)) with
        {
            UsageReport = AvailableAt(TestImages.Now.AddDays(-1), entries),
        };

        Assert.EndsWith(
            "shows use: account 444455556661 1 ec2:Instance, account 444455556663 2 ec2:LaunchTemplate, account 444455556664 3 ec2:Instance and 2 more",
            KeptBecauseShared(image).Detail,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Keep_ManyShares_NamesThreeAndCountsTheRest()
    {
        var image = SharedWith(
            new LaunchPermission(LaunchPermissionKind.Account, "444455556661"),
            new LaunchPermission(LaunchPermissionKind.Organization, "o-1"),
            new LaunchPermission(LaunchPermissionKind.OrganizationalUnit, "ou-1"),
            new LaunchPermission(LaunchPermissionKind.Account, "444455556664"),
            new LaunchPermission(LaunchPermissionKind.Account, "444455556665"));

        var reason = Assert.Single(ImageProtections.Evaluate(image, TestImages.Account, new ReferenceIndex([]), WhenUnused with { SharedImages = SharedImageRule.Keep }, TestImages.Now));

        Assert.StartsWith("shared with account 444455556661, organization o-1, OU ou-1 and 2 more;", reason.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WhenUnused_UseInThreeAccounts_NamesAllWithoutMore()
    {
        var entries = new[]
        {
            new ImageUsageEntry("444455556661", "ec2:Instance", 1),
            new ImageUsageEntry("444455556662", "ec2:Instance", 0),
            new ImageUsageEntry("444455556663", "ec2:LaunchTemplate", 2),
            new ImageUsageEntry("444455556664", "ec2:Instance", 3),
        };
        var image = SharedWith(new LaunchPermission(LaunchPermissionKind.Account, TestImages.OtherAccount)) with
        {
            UsageReport = AvailableAt(TestImages.Now.AddDays(-1), entries),
        };

        Assert.EndsWith(
            "shows use: account 444455556661 1 ec2:Instance, account 444455556663 2 ec2:LaunchTemplate, account 444455556664 3 ec2:Instance",
            KeptBecauseShared(image).Detail,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Keep_ExactlyThreeShares_NamesAllWithoutMore()
    {
        var image = SharedWith(
            new LaunchPermission(LaunchPermissionKind.Account, "444455556661"),
            new LaunchPermission(LaunchPermissionKind.Organization, "o-1"),
            new LaunchPermission(LaunchPermissionKind.OrganizationalUnit, "ou-1"));

        var reason = Assert.Single(ImageProtections.Evaluate(image, TestImages.Account, new ReferenceIndex([]), WhenUnused with { SharedImages = SharedImageRule.Keep }, TestImages.Now));

        Assert.StartsWith("shared with account 444455556661, organization o-1, OU ou-1;", reason.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_ReportCreatedExactlyNow_IsRead()
    {
        var now = AvailableAt(TestImages.Now);

        Assert.Equal(new UsageReportChoice(now, ReadEntries: true, Request: false), UsageReportSelector.Choose([now], MaxAge, TestImages.Now));
    }

    [Fact]
    public void SharesOf_NullImage_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => SharedImageCheck.SharesOf(null!, TestImages.Account));
    }

    [Fact]
    public void Evaluate_WhenUnused_NoReportExistsAndOneRequested_SaysBoth()
    {
        var image = SharedWith(new LaunchPermission(LaunchPermissionKind.Account, TestImages.OtherAccount)) with
        {
            UsageReport = new ImageUsageReport { State = UsageReportState.None, Action = "requested amiur-9 in this run" },
        };

        Assert.EndsWith("; no usage report exists; requested amiur-9 in this run", KeptBecauseShared(image).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void DescribeUnused_NullImage_Throws()
    {
        Assert.Equal("image", Assert.Throws<ArgumentNullException>(() => SharedImageCheck.DescribeUnused(null!, TestImages.Account)).ParamName);
    }

    [Fact]
    public void KeepUnread_NullArguments_Throw()
    {
        var empty = PlanOf(TestImages.Image("ami-old", ageDays: 400)) with { Decisions = [] };

        Assert.Equal("plan", Assert.Throws<ArgumentNullException>(() => SharedImageCheck.KeepUnread(null!, new Dictionary<string, string>())).ParamName);
        Assert.Equal("problems", Assert.Throws<ArgumentNullException>(() => SharedImageCheck.KeepUnread(empty, null!)).ParamName);
    }

    private static Plan PlanOf(AmiImage old) =>
        ExpiryPlanner.Plan(TestInventory.Of(old, TestImages.Image("ami-new", ageDays: 1)), new ExpiryPolicy { KeepNewest = 1 }, PlanSelection.All, TestImages.Now);
}
