using AmiAutomation.Core.Deprecation;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Deprecation;

/// <summary>
/// What a skipped or moved deprecation tells the operator: both times involved, so they can see why nothing was set or
/// what changed (found by mutation testing, docs/mutation.md). The planned time here is 2025-06-01T12:02Z.
/// </summary>
public sealed class DeprecationPlannerReasonTests
{
    private static Decision Old(AmiImage old, DeprecationPolicy? policy = null) =>
        DeprecationPlanner.Plan(TestInventory.Of(old, TestImages.Image("ami-new", ageDays: 1)), policy ?? new DeprecationPolicy(), PlanSelection.All, TestImages.Now)
            .Decisions.Single(d => d.Image.ImageId == old.ImageId);

    private static AmiImage DeprecatedAt(double daysFromNow) =>
        TestImages.Image("ami-old", ageDays: 400) with { DeprecationTime = TestImages.Now.AddDays(daysFromNow) };

    [Fact]
    public void Plan_ExistingEarlierTime_ReasonNamesExistingAndPlannedTime()
    {
        var reason = Old(DeprecatedAt(-10)).Reasons[0];

        Assert.Equal(ReasonCode.AlreadyDeprecatedEarlier, reason.Code);
        Assert.Contains("already deprecated at 2025-05-22T12:00Z", reason.Detail, StringComparison.Ordinal);
        Assert.Contains("2025-06-01T12:02Z", reason.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ExistingLaterTime_ReasonNamesBothTimesAndThatThePolicyKeepsIt()
    {
        var reason = Old(DeprecatedAt(100)).Reasons[0];

        Assert.Equal(ReasonCode.DeprecationSetByHand, reason.Code);
        Assert.Contains("existing deprecation time 2025-09-09T12:00Z", reason.Detail, StringComparison.Ordinal);
        Assert.Contains("later than 2025-06-01T12:02Z", reason.Detail, StringComparison.Ordinal);
        Assert.Contains("the policy does not move it", reason.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ExistingLaterTimeMoved_ReasonNamesOldAndNewTime()
    {
        var decision = Old(DeprecatedAt(100), new DeprecationPolicy { AllowMovingExistingDeprecation = true });

        var moved = decision.Reasons.Single(r => r.Code == ReasonCode.DeprecationMovedEarlier);
        Assert.Contains("2025-09-09T12:00Z earlier to 2025-06-01T12:02Z", moved.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NotDueUnderBothRules_ReasonGivesEachRuleItsOwnClause()
    {
        var policy = new DeprecationPolicy { MaxAgeDays = 90, MinNewerImages = 2 };

        var decision = Old(TestImages.Image("ami-old", ageDays: 30), policy);

        Assert.Equal(ReasonCode.NotDue, decision.Reasons[0].Code);
        Assert.Equal("30 days old (max age 90); 1 newer image(s) (threshold 2)", decision.Reasons[0].Detail);
    }
}
