using AmiAutomation.Core.Disabling;
using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Protection;
using AmiAutomation.Core.Tests.Support;
using static AmiAutomation.Core.Tests.Expiry.DisableStageFixture;

namespace AmiAutomation.Core.Tests.Expiry;

/// <summary>
/// What the disable stage tells the operator (disable after 30 days deprecated, expire 10 days after the disable): each
/// reason names its dates and thresholds, notes never leak from one image to the next, every run-wide blocker reaches a
/// disable, and the candidate set (which images get their references read) follows the disable rule.
/// </summary>
public sealed class ExpiryDisableStageReasonTests
{
    private static readonly DisabledImageDates NoRecords = DisabledImageDates.From([]);

    private static AmiImage Old(string id, double deprecatedDaysAgo) => TestImages.Image(id, ageDays: 400).DeprecatedDaysAgo(deprecatedDaysAgo);

    private static Plan PlanOf(InventorySnapshot inventory, DisabledImageDates? dates, ExpiryPolicy? policy = null) =>
        ExpiryPlanner.Plan(inventory, policy ?? Stage, PlanSelection.All, TestImages.Now, dates);

    /// <summary>How reasons write a time: to the minute, UTC ("2025-06-01T12:00Z").</summary>
    private static string Minutes(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void DeprecatedExactlyThirtyDaysAgo_Disabled_ReasonNamesTheDateAndThreshold()
    {
        var decision = Decide(Old("ami-old", 30), NoRecords);

        Assert.Equal(DecisionAction.Disable, decision.Action);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(
            $"deprecated since {Minutes(TestImages.Now.AddDays(-30))}, 30 days (disable after 30)",
            reason.Detail);
    }

    [Fact]
    public void DeprecatedTooRecently_NotDue_BothNotesJoined()
    {
        var decision = Decide(Old("ami-old", 29), NoRecords);

        Assert.Equal((DecisionAction.None, ReasonCode.NotDue), (decision.Action, decision.PrimaryReason));
        Assert.Equal(
            $"deprecation time {Minutes(TestImages.Now.AddDays(-29))} is less than 30 days ago (disable stage); with the disable stage on, only disabled images expire",
            Assert.Single(decision.Reasons).Detail);
    }

    [Fact]
    public void NotDeprecated_NotDue_SaysSo()
    {
        var decision = Decide(TestImages.Image("ami-old", ageDays: 400), NoRecords);

        Assert.Equal(
            "not deprecated (disable stage); with the disable stage on, only disabled images expire",
            Assert.Single(decision.Reasons).Detail);
    }

    [Fact]
    public void SeveralImagesNotDue_EachReasonHoldsOnlyItsOwnNotes()
    {
        var images = new[] { Old("ami-a", 5), Old("ami-b", 6), TestImages.Image("ami-c", ageDays: 398), TestImages.Image("ami-new", ageDays: 1) };

        var plan = PlanOf(TestInventory.Of(images, []), NoRecords);

        Assert.Equal(
            [
                $"deprecation time {Minutes(TestImages.Now.AddDays(-5))} is less than 30 days ago (disable stage); with the disable stage on, only disabled images expire",
                $"deprecation time {Minutes(TestImages.Now.AddDays(-6))} is less than 30 days ago (disable stage); with the disable stage on, only disabled images expire",
                "not deprecated (disable stage); with the disable stage on, only disabled images expire",
            ],
            new[] { "ami-a", "ami-b", "ami-c" }.Select(id => Assert.Single(plan.Decisions.Single(d => d.Image.ImageId == id).Reasons).Detail));
    }

    [Fact]
    public void DisabledWithoutConfirmedRecord_ReasonSaysItsDisableTimeIsUnknown()
    {
        var detail = Decide(Disabled(), NoRecords).Reasons.Single(r => r.Code == ReasonCode.NotDisabledLongEnough).Detail;

        Assert.Contains("no confirmed disable", detail, StringComparison.Ordinal);
        Assert.Contains("never deregistered by the disable stage", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void DisabledExactlyNow_TooRecentNotClockSkew()
    {
        var decision = Decide(Disabled(), DisabledAt(TestImages.Now));

        Assert.Equal(ReasonCode.NotDisabledLongEnough, decision.PrimaryReason);
        Assert.Equal($"disabled since {Minutes(TestImages.Now)}, less than 10 days", decision.Reasons[0].Detail);
    }

    [Fact]
    public void DisabledLongEnough_ReasonNamesDateDaysAndThreshold()
    {
        var at = TestImages.Now.AddDays(-12);

        var decision = Decide(Disabled(), DisabledAt(at));

        Assert.Equal(DecisionAction.Deregister, decision.Action);
        Assert.Equal($"disabled since {Minutes(at)}, 12 days (at least 10)", decision.Reasons.Single(r => r.Code == ReasonCode.DisabledLongEnough).Detail);
    }

    [Fact]
    public void RecordsUnreadable_ReasonNamesTheProblemAndWhatIsNotDone()
    {
        var decision = Decide(Disabled(), DisabledImageDates.Unreadable("DynamoDB said no"));

        Assert.Equal(
            "DynamoDB said no: the disable stage disables nothing and deregisters no disabled image",
            decision.Reasons.Single(r => r.Code == ReasonCode.DisableRecordsUnreadable).Detail);
    }

    [Fact]
    public void InventoryIncomplete_BlocksTheDisable_SayingNothingIsDisabled()
    {
        var inventory = TestInventory.Of([Old("ami-old", 60), TestImages.Image("ami-new", ageDays: 1)], [])
            .WithSource(InventorySource.Instances, SourceStatus.Failed, "throttled");

        var decision = PlanOf(inventory, NoRecords).Decisions.Single(d => d.Image.ImageId == "ami-old");

        Assert.Equal(DecisionAction.None, decision.Action);
        var blocker = decision.Reasons.Single(r => r.Code == ReasonCode.InventoryIncomplete).Detail;
        Assert.Contains("nothing disabled while any source failed", blocker, StringComparison.Ordinal);
        Assert.DoesNotContain("no deregistration", blocker, StringComparison.Ordinal);
        Assert.Contains(ReasonCode.DeprecatedLongEnoughToDisable, decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void ReferencesNotReadForTheImage_DisableBlocked()
    {
        var inventory = TestInventory.Of([Old("ami-old", 60), TestImages.Image("ami-new", ageDays: 1)], []) with
        {
            PerImageReferencesReadFor = new HashSet<string>(StringComparer.Ordinal),
        };

        var decision = PlanOf(inventory, NoRecords).Decisions.Single(d => d.Image.ImageId == "ami-old");

        Assert.Equal(DecisionAction.None, decision.Action);
        Assert.Contains("DescribeImageReferences was not read for this image", decision.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void CapReached_EachBlockedDisableCarriesOneCapReasonNamingCountAndCap()
    {
        var images = new[] { Old("ami-a", 60), Old("ami-b", 61), Old("ami-c", 62), TestImages.Image("ami-new", ageDays: 1) };

        var plan = PlanOf(TestInventory.Of(images, []), NoRecords, Stage with { MaxDeregistrationsPerRun = 1 });

        var blocked = plan.Decisions.Where(d => d.Image.ImageId != "ami-new" && d.Action == DecisionAction.None).ToList();
        Assert.Equal(2, blocked.Count);
        Assert.All(blocked, d =>
        {
            Assert.Equal([ReasonCode.BlastRadiusCapReached, ReasonCode.DeprecatedLongEnoughToDisable], d.Reasons.Select(r => r.Code));
            Assert.Equal("this run already plans 1 disable(s) and deregistration(s), the cap is 1", d.Reasons[0].Detail);
        });
    }

    [Fact]
    public void Candidates_AvailableImages_OnlyThoseTheDisableRuleFires()
    {
        var images = new[] { Old("ami-due", 31), Old("ami-early", 29), TestImages.Image("ami-never", ageDays: 400), TestImages.Image("ami-new", ageDays: 1) };

        var candidates = ExpiryPlanner.Candidates(TestInventory.Of(images, []), Stage, PlanSelection.All, TestImages.Now);

        Assert.Equal(["ami-due"], candidates.Order(StringComparer.Ordinal));
    }

    /// <summary>Under KeepUnlessUnused a shared image whose fresh report shows no use may be disabled, and the reason
    /// names that report; an unshared image carries no such reason. (Under Keep a shared image is never disabled.)</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void KeepUnlessUnused_DisabledImage_NamesTheUsageReportOnlyWhenShared(bool shared)
    {
        var image = Old("ami-old", 60) with
        {
            LaunchPermissions = shared ? [new(LaunchPermissionKind.Account, TestImages.OtherAccount)] : [],
            UsageReport = new ImageUsageReport { ReportId = "amiur-1", State = UsageReportState.Available, CreatedAt = TestImages.Now.AddDays(-1), Entries = [] },
        };

        var decision = PlanOf(TestInventory.Of([image, TestImages.Image("ami-new", ageDays: 1)], []), NoRecords, Stage with { SharedImages = SharedImageRule.KeepUnlessUnused })
            .Decisions.Single(d => d.Image.ImageId == "ami-old");

        Assert.Equal(DecisionAction.Disable, decision.Action);
        var sharedReason = decision.Reasons.SingleOrDefault(r => r.Code == ReasonCode.SharedImage);
        Assert.Equal(shared, sharedReason is not null);
        if (shared)
        {
            Assert.Contains("usage report amiur-1", sharedReason!.Detail, StringComparison.Ordinal);
            Assert.Contains("shows no use in any account", sharedReason.Detail, StringComparison.Ordinal);
        }
    }
}
