using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Tests.Generators;
using AmiAutomation.Core.Tests.Support;
using CsCheck;

namespace AmiAutomation.Core.Tests.Expiry;

public class ExpiryPlannerPropertyTests
{
    private const int Iterations = 1_000;

    [Fact]
    public void Plan_AnyFleet_NeverDeregistersAProtectedImage()
    {
        Gen.Select(FleetGenerator.Fleet, PolicyGenerator.Expiry, PolicyGenerator.Selection).Sample((inventory, policy, selection) =>
        {
            var plan = ExpiryPlanner.Plan(inventory, policy, selection, TestImages.Now);

            Assert.Equal(inventory.Images.Count, plan.Decisions.Count);
            foreach (var decision in plan.Actions)
            {
                Assert.Equal(DecisionAction.Deregister, decision.Action);
                Assert.True(selection.Includes(decision.Image.ImageId, decision.Family));
                var forbidden = Oracle.ForbiddenBecause(inventory, decision.Image, policy.ToProtectionOptions(), policy.KeepNewest, TestImages.Now);
                Assert.True(forbidden is null, $"{decision.Image.ImageId} deregistered although {forbidden}");
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Plan_AfterApplyingPlan_SamePlanAgainRepeatsNoAction()
    {
        Gen.Select(FleetGenerator.Fleet, PolicyGenerator.Expiry, PolicyGenerator.Selection).Sample((inventory, policy, selection) =>
        {
            var first = ExpiryPlanner.Plan(inventory, policy, selection, TestImages.Now);
            var after = PlanApplier.Apply(inventory, first);

            var second = ExpiryPlanner.Plan(after, policy, selection, TestImages.Now);

            var acted = first.Actions.Select(d => d.Image.ImageId).ToHashSet(StringComparer.Ordinal);
            Assert.DoesNotContain(second.Decisions, d => acted.Contains(d.Image.ImageId));
            Assert.Equal(inventory.Images.Count - acted.Count, after.Images.Count);
        }, iter: Iterations);
    }

    [Fact]
    public void Plan_AnySourceFailedOrTruncated_HasZeroDestructiveDecisions()
    {
        Gen.Select(FleetGenerator.IncompleteFleet, PolicyGenerator.Expiry, PolicyGenerator.Selection).Sample((inventory, policy, selection) =>
        {
            var plan = ExpiryPlanner.Plan(inventory, policy, selection, TestImages.Now);

            Assert.False(inventory.IsComplete);
            Assert.DoesNotContain(plan.Decisions, d => d.IsDestructive);
        }, iter: Iterations);
    }

    [Fact]
    public void Plan_AnyFleet_NeverRemovesTheLastImageOrTheNewestKOfAFamily()
    {
        Gen.Select(FleetGenerator.Fleet, PolicyGenerator.Expiry, PolicyGenerator.Selection).Sample((inventory, policy, selection) =>
        {
            var after = PlanApplier.Apply(inventory, ExpiryPlanner.Plan(inventory, policy, selection, TestImages.Now));

            var before = Oracle.KeepersByFamily(inventory);
            var remaining = Oracle.KeepersByFamily(after);
            foreach (var (family, count) in before)
            {
                Assert.True(count == 0 || remaining.GetValueOrDefault(family) >= 1, $"family {family} lost its last image");
                var newest = Oracle.NewestOfFamily(inventory, family, policy.KeepNewest);
                Assert.True(newest.All(id => after.Images.Any(i => i.ImageId == id)), $"family {family} lost one of its newest {policy.KeepNewest}");
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Plan_AnyFleet_RespectsTheCapOldestFirst()
    {
        Gen.Select(FleetGenerator.Fleet, PolicyGenerator.Expiry, PolicyGenerator.Selection).Sample((inventory, policy, selection) =>
        {
            var plan = ExpiryPlanner.Plan(inventory, policy, selection, TestImages.Now);

            Assert.True(plan.Actions.Count() <= policy.MaxDeregistrationsPerRun);
            var firstCapped = plan.Decisions.ToList().FindIndex(d => d.Reasons.Any(r => r.Code == ReasonCode.BlastRadiusCapReached));
            if (firstCapped >= 0)
            {
                Assert.Equal(policy.MaxDeregistrationsPerRun, plan.Actions.Count());
                Assert.DoesNotContain(plan.Decisions.Skip(firstCapped), d => d.Acts);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Plan_ShuffledInventory_GivesTheSamePlan()
    {
        Gen.Select(FleetGenerator.Fleet, PolicyGenerator.Expiry, Gen.Int).Sample((inventory, policy, seed) =>
        {
            var shuffled = inventory with { Images = [.. inventory.Images.OrderBy(i => HashCode.Combine(seed, i.ImageId))] };

            var expected = ExpiryPlanner.Plan(inventory, policy, AmiAutomation.Core.Policies.PlanSelection.All, TestImages.Now);
            var actual = ExpiryPlanner.Plan(shuffled, policy, AmiAutomation.Core.Policies.PlanSelection.All, TestImages.Now);

            Assert.Equal(
                expected.Decisions.Select(d => (d.Image.ImageId, d.Action, string.Join(",", d.Reasons))),
                actual.Decisions.Select(d => (d.Image.ImageId, d.Action, string.Join(",", d.Reasons))));
        }, iter: Iterations);
    }
}
