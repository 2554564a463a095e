using AmiAutomation.Core.Deprecation;
using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.References;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Planning;

public class PlanApplierTests
{
    [Fact]
    public void Apply_Deprecation_SetsDeprecationTimeAndKeepsEverythingElse()
    {
        var inventory = TestInventory.Of(TestImages.Image("ami-old", ageDays: 400), TestImages.Image("ami-new", ageDays: 1));
        var plan = DeprecationPlanner.Plan(inventory, new DeprecationPolicy(), PlanSelection.All, TestImages.Now);

        var after = PlanApplier.Apply(inventory, plan);

        Assert.Equal(plan.Decisions.Single(d => d.Acts).DeprecateAt, after.Images.Single(i => i.ImageId == "ami-old").DeprecationTime);
        Assert.Null(after.Images.Single(i => i.ImageId == "ami-new").DeprecationTime);
        Assert.Same(inventory.References, after.References);
        Assert.Same(inventory.Sources, after.Sources);
    }

    [Fact]
    public void Apply_Deregistration_RemovesImageAndItsReferences()
    {
        var inventory = TestInventory.Of(
            [TestImages.Image("ami-old", ageDays: 400).DeprecatedDaysAgo(60), TestImages.Image("ami-new", ageDays: 1)],
            [new ImageReference("ami-new", ReferenceKind.Instance, "i-1"), new ImageReference("ami-gone", ReferenceKind.External, "pin")]);
        var plan = new Plan("expire", TestImages.Region, TestImages.Now, [new Decision
        {
            Image = inventory.Images[0], Family = "web", Action = DecisionAction.Deregister, Reasons = [],
        }], inventory.Sources);
        var withDanglingReference = inventory with
        {
            References = new ReferenceIndex([.. inventory.References.For("ami-new"), new ImageReference("ami-old", ReferenceKind.External, "stale-pin")]),
        };

        var after = PlanApplier.Apply(withDanglingReference, plan);

        Assert.Equal(["ami-new"], after.Images.Select(i => i.ImageId));
        Assert.False(after.References.IsReferenced("ami-old"));
        Assert.True(after.References.IsReferenced("ami-new"));
        Assert.Equal(1, after.References.Count);
    }

    [Fact]
    public void Apply_RealExpiryPlan_RemovesExactlyTheDeregisteredImages()
    {
        var inventory = TestInventory.Of(
            TestImages.Image("ami-1", ageDays: 400).DeprecatedDaysAgo(60), TestImages.Image("ami-2", ageDays: 300).DeprecatedDaysAgo(60), TestImages.Image("ami-3", ageDays: 1));
        var plan = ExpiryPlanner.Plan(inventory, new ExpiryPolicy { KeepNewest = 1 }, PlanSelection.All, TestImages.Now);

        var after = PlanApplier.Apply(inventory, plan);

        Assert.Equal(["ami-3"], after.Images.Select(i => i.ImageId));
    }

    [Fact]
    public void Apply_OtherRegion_Throws()
    {
        var inventory = TestInventory.Of(TestImages.Image("ami-1"));
        var plan = new Plan("expire", "us-east-1", TestImages.Now, [], inventory.Sources);

        var ex = Assert.Throws<ArgumentException>(() => PlanApplier.Apply(inventory, plan));

        Assert.Contains("us-east-1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_UnknownImage_ThrowsNamingIt()
    {
        var inventory = TestInventory.Of(TestImages.Image("ami-1"));
        var plan = new Plan("expire", TestImages.Region, TestImages.Now, [new Decision
        {
            Image = TestImages.Image("ami-404"), Family = "web", Action = DecisionAction.Deregister, Reasons = [],
        }], inventory.Sources);

        var ex = Assert.Throws<ArgumentException>(() => PlanApplier.Apply(inventory, plan));

        Assert.Contains("ami-404", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DecisionAction.Copy)]
    [InlineData(DecisionAction.FinishCopy)]
    [InlineData(DecisionAction.Restore)]
    [InlineData(DecisionAction.Deprecate)]
    public void Apply_UnsupportedOrIncompleteAction_Throws(DecisionAction action)
    {
        var inventory = TestInventory.Of(TestImages.Image("ami-1"));
        var plan = new Plan("x", TestImages.Region, TestImages.Now, [new Decision
        {
            Image = inventory.Images[0], Family = "web", Action = action, Reasons = [],
        }], inventory.Sources);

        var ex = Assert.Throws<ArgumentException>(() => PlanApplier.Apply(inventory, plan));

        Assert.Contains("ami-1", ex.Message, StringComparison.Ordinal);
    }
}
