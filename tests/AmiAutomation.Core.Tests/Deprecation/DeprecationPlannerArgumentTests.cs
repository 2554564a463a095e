using AmiAutomation.Core.Deprecation;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Deprecation;

/// <summary>
/// Bad input to both entry points fails with an error naming the argument, not a NullReferenceException deep inside,
/// and Candidates validates the policy like Plan does (found by mutation testing, docs/mutation.md).
/// </summary>
public sealed class DeprecationPlannerArgumentTests
{
    private static readonly DeprecationPolicy Policy = new() { KeepNewest = 1, MaxAgeDays = 90 };

    private static InventorySnapshot Fleet() =>
        TestInventory.Of(TestImages.Image("ami-old", ageDays: 400), TestImages.Image("ami-new", ageDays: 1));

    [Fact]
    public void Plan_NullArguments_ThrowNamingTheArgument()
    {
        Assert.Equal("inventory", Assert.Throws<ArgumentNullException>(() => DeprecationPlanner.Plan(null!, Policy, PlanSelection.All, TestImages.Now)).ParamName);
        Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => DeprecationPlanner.Plan(Fleet(), null!, PlanSelection.All, TestImages.Now)).ParamName);
        Assert.Equal("selection", Assert.Throws<ArgumentNullException>(() => DeprecationPlanner.Plan(Fleet(), Policy, null!, TestImages.Now)).ParamName);
    }

    [Fact]
    public void Candidates_NullArguments_ThrowNamingTheArgument()
    {
        Assert.Equal("inventory", Assert.Throws<ArgumentNullException>(() => DeprecationPlanner.Candidates(null!, Policy, PlanSelection.All, TestImages.Now)).ParamName);
        Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => DeprecationPlanner.Candidates(Fleet(), null!, PlanSelection.All, TestImages.Now)).ParamName);
        Assert.Equal("selection", Assert.Throws<ArgumentNullException>(() => DeprecationPlanner.Candidates(Fleet(), Policy, null!, TestImages.Now)).ParamName);
    }

    [Fact]
    public void Candidates_InvalidPolicy_ThrowsNamingTheError()
    {
        // KeepNewest = 0 would leave a family's newest image unprotected: the sweep must stop, not read references.
        var ex = Assert.Throws<ArgumentException>(() => DeprecationPlanner.Candidates(Fleet(), Policy with { KeepNewest = 0 }, PlanSelection.All, TestImages.Now));

        Assert.Equal("policy", ex.ParamName);
        Assert.Contains("KeepNewest", ex.Message, StringComparison.Ordinal);
    }
}
