using AmiAutomation.Core.Deprecation;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Tests.Generators;
using AmiAutomation.Core.Tests.Support;
using CsCheck;

namespace AmiAutomation.Core.Tests.Deprecation;

public class DeprecationPlannerPropertyTests
{
    private const int Iterations = 1_000;

    [Fact]
    public void Plan_AnyFleet_NeverDeprecatesAProtectedImage()
    {
        Gen.Select(FleetGenerator.Fleet, PolicyGenerator.Deprecation, PolicyGenerator.Selection).Sample((inventory, policy, selection) =>
        {
            var plan = DeprecationPlanner.Plan(inventory, policy, selection, TestImages.Now);

            Assert.Equal(inventory.Images.Count, plan.Decisions.Count);
            foreach (var decision in plan.Actions)
            {
                Assert.Equal(DecisionAction.Deprecate, decision.Action);
                Assert.True(selection.Includes(decision.Image.ImageId, decision.Family));
                var forbidden = Oracle.ForbiddenBecause(inventory, decision.Image, policy.ToProtectionOptions(), policy.KeepNewest, TestImages.Now);
                Assert.True(forbidden is null, $"{decision.Image.ImageId} deprecated although {forbidden}");
                Assert.True(decision.DeprecateAt > TestImages.Now, "deprecation time must lie in the future");
                Assert.True(decision.Image.DeprecationTime is null || decision.Image.DeprecationTime > decision.DeprecateAt, "an existing time is only ever moved earlier");
            }

            foreach (var skip in plan.Skips)
            {
                Assert.NotEmpty(skip.Reasons);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Plan_AfterApplyingPlan_SamePlanAgainRepeatsNoAction()
    {
        Gen.Select(FleetGenerator.Fleet, PolicyGenerator.Deprecation, PolicyGenerator.Selection).Sample((inventory, policy, selection) =>
        {
            var first = DeprecationPlanner.Plan(inventory, policy, selection, TestImages.Now);
            var after = PlanApplier.Apply(inventory, first);

            var second = DeprecationPlanner.Plan(after, policy, selection, TestImages.Now);

            var acted = first.Actions.Select(d => d.Image.ImageId).ToHashSet(StringComparer.Ordinal);
            var repeated = second.Actions.Where(d => acted.Contains(d.Image.ImageId)).Select(d => d.Image.ImageId).ToList();
            Assert.True(repeated.Count == 0, $"acted again on {string.Join(", ", repeated)}");
        }, iter: Iterations);
    }

    [Fact]
    public void Plan_ReferenceSourceFailedOrTruncated_DeprecatesNothing()
    {
        Gen.Select(FleetGenerator.IncompleteFleet, PolicyGenerator.Deprecation, PolicyGenerator.Selection).Sample((inventory, policy, selection) =>
        {
            var plan = DeprecationPlanner.Plan(inventory, policy, selection, TestImages.Now);

            Assert.DoesNotContain(plan.Decisions, d => d.IsDestructive);
            if (inventory.FailedSources.Any(s => s.Source != InventorySource.LastLaunchedTime))
            {
                Assert.Empty(plan.Actions);
            }
        }, iter: Iterations);
    }
}
