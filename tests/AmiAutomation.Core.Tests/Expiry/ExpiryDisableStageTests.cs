using AmiAutomation.Core.Disabling;
using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Tests.Support;
using static AmiAutomation.Core.Tests.Expiry.DisableStageFixture;

namespace AmiAutomation.Core.Tests.Expiry;

/// <summary>The planner with the disable stage on (disable after 30 days deprecated, expire 10 days after the disable).</summary>
public sealed class ExpiryDisableStageTests
{
    private static DisabledImageDates DisabledAgo(TimeSpan ago, string id = "ami-old") => DisabledAt(TestImages.Now - ago, id);

    [Fact]
    public void AvailableDeprecatedLongEnough_Disabled_NeverDeregistered()
    {
        var decision = Decide(TestImages.Image("ami-old", ageDays: 400).DeprecatedDaysAgo(31), DisabledImageDates.From([]));

        Assert.Equal(DecisionAction.Disable, decision.Action);
        Assert.True(decision.IsDestructive);
        Assert.Equal([ReasonCode.DeprecatedLongEnoughToDisable], decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void AvailableNotDeprecatedLongEnough_NotDue()
    {
        var decision = Decide(TestImages.Image("ami-old", ageDays: 400).DeprecatedDaysAgo(29), DisabledImageDates.From([]));

        Assert.Equal((DecisionAction.None, ReasonCode.NotDue), (decision.Action, decision.PrimaryReason));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-1, false)]
    public void Disabled_AtTheBoundary_Deregistered_OneTickShort_Kept(long ticksPastBoundary, bool deregistered)
    {
        var decision = Decide(Disabled(), DisabledAgo(TimeSpan.FromDays(10) + TimeSpan.FromTicks(ticksPastBoundary)));

        Assert.Equal(deregistered ? DecisionAction.Deregister : DecisionAction.None, decision.Action);
        Assert.Equal(deregistered ? ReasonCode.DisabledLongEnough : ReasonCode.NotDisabledLongEnough, decision.PrimaryReason);
    }

    [Fact]
    public void Disabled_DatedInTheFuture_Kept()
    {
        var decision = Decide(Disabled(), DisabledAgo(TimeSpan.FromDays(-1)));

        Assert.Equal((DecisionAction.None, ReasonCode.NotDisabledLongEnough), (decision.Action, decision.PrimaryReason));
        Assert.Contains("clock skew", decision.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DisableRecordStatus.PendingDisable)]
    [InlineData(DisableRecordStatus.Enabled)]
    public void Disabled_RecordNotConfirmed_Kept(DisableRecordStatus status)
    {
        var dates = DisabledImageDates.From([new DisableRecord
        {
            ImageId = "ami-old", Region = "us-east-1", Name = "n", Family = "web", State = ImageState.Available, RunId = "r",
            RecordedAt = TestImages.Now.AddDays(-100), Status = status, DisabledAt = TestImages.Now.AddDays(-100),
        }]);

        Assert.Equal(ReasonCode.NotDisabledLongEnough, Decide(Disabled(), dates).PrimaryReason);
    }

    [Fact]
    public void DatesNotRead_NothingDisabled_NoDisabledImageDeregistered()
    {
        Assert.Contains(ReasonCode.DisableRecordsUnreadable, Decide(Disabled(), null).Reasons.Select(r => r.Code));
        Assert.Contains(ReasonCode.DisableRecordsUnreadable, Decide(TestImages.Image("ami-old", ageDays: 400).DeprecatedDaysAgo(60), null).Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Cap_CountsDisablesAndDeregistrationsTogether()
    {
        var images = new[]
        {
            Disabled("ami-a"),
            TestImages.Image("ami-b", ageDays: 399).DeprecatedDaysAgo(60),
            TestImages.Image("ami-c", ageDays: 398).DeprecatedDaysAgo(60),
            TestImages.Image("ami-new", ageDays: 1),
        };
        var plan = ExpiryPlanner.Plan(TestInventory.Of(images, []), Stage with { MaxDeregistrationsPerRun = 2 }, PlanSelection.All, TestImages.Now, DisabledAgo(TimeSpan.FromDays(20), "ami-a"));

        Assert.Equal(
            [DecisionAction.Deregister, DecisionAction.Disable, DecisionAction.None],
            new[] { "ami-a", "ami-b", "ami-c" }.Select(id => plan.Decisions.Single(d => d.Image.ImageId == id).Action));
        Assert.Equal(ReasonCode.BlastRadiusCapReached, plan.Decisions.Single(d => d.Image.ImageId == "ami-c").PrimaryReason);
    }

    [Fact]
    public void StageOff_DisabledImageExpiresByTheRulesAlone()
    {
        Assert.Equal(DecisionAction.Deregister, Decide(Disabled(), null, Stage with { DisableAfterDeprecatedDays = null }).Action);
    }
}
