using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Protection;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Expiry;

/// <summary>
/// The expiry rules at their exact instants, and the shared-image note only on shared images: each test kills a mutant
/// that survived the post-merge Stryker run of <c>core-expiry</c> (docs/mutation.md).
/// </summary>
public sealed class ExpiryPlannerBoundaryTests
{
    private static readonly ExpiryPolicy KeepOne = new() { KeepNewest = 1 };

    private static Decision Old(Plan plan) => plan.Decisions.Single(d => d.Image.ImageId == "ami-old");

    private static Plan PlanWith(Core.Images.AmiImage old, ExpiryPolicy policy) =>
        ExpiryPlanner.Plan(TestInventory.Of(old, TestImages.Image("ami-new", ageDays: 1)), policy, PlanSelection.All, TestImages.Now);

    [Fact]
    public void Plan_DeprecatedExactlyTheRequiredDaysAgo_Deregisters()
    {
        var old = TestImages.Image("ami-old", ageDays: 400).DeprecatedDaysAgo(30);

        var decision = Old(PlanWith(old, KeepOne with { DeprecatedForDays = 30 }));

        Assert.Equal(DecisionAction.Deregister, decision.Action);
        Assert.Equal([ReasonCode.DeprecatedLongEnough], decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Plan_CreatedExactlyTheRetentionAgo_Deregisters()
    {
        var old = TestImages.Image("ami-old", ageDays: 365);

        var decision = Old(PlanWith(old, KeepOne with { DeprecatedForDays = null, RetentionDays = 365 }));

        Assert.Equal(DecisionAction.Deregister, decision.Action);
        Assert.Equal([ReasonCode.OlderThanRetention], decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Plan_WhenUnused_UnsharedImage_DeregistersWithoutASharedImageNote()
    {
        var old = TestImages.Image("ami-old", ageDays: 400).DeprecatedDaysAgo(60) with { LaunchPermissions = [] };

        var decision = Old(PlanWith(old, KeepOne with { SharedImages = SharedImageRule.KeepUnlessUnused }));

        Assert.Equal(DecisionAction.Deregister, decision.Action);
        Assert.Equal([ReasonCode.DeprecatedLongEnough], decision.Reasons.Select(r => r.Code));
    }
}
