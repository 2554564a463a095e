using AmiAutomation.Core.Deprecation;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Deprecation;

public sealed class DeprecationCandidatesTests
{
    private static readonly DeprecationPolicy Policy = new() { KeepNewest = 1, MaxAgeDays = 90 };

    [Fact]
    public void Candidates_FailedSource_IgnoredAndOnlyDueImagesNamed()
    {
        var fleet = TestInventory.Of(TestImages.Image("ami-old", ageDays: 400), TestImages.Image("ami-mid", ageDays: 30), TestImages.Image("ami-new", ageDays: 1))
            .WithSource(InventorySource.Instances, SourceStatus.Failed, "boom");

        var candidates = DeprecationPlanner.Candidates(fleet, Policy, PlanSelection.All, TestImages.Now);

        Assert.Equal(["ami-old"], candidates);
    }

    [Fact]
    public void Plan_ImageWhoseReferencesWereNotRead_NeverDeprecated()
    {
        var inventory = TestInventory.Of(TestImages.Image("ami-old", ageDays: 400), TestImages.Image("ami-new", ageDays: 1))
            with { PerImageReferencesReadFor = new HashSet<string>(StringComparer.Ordinal) };

        var decision = DeprecationPlanner.Plan(inventory, Policy, PlanSelection.All, TestImages.Now).Decisions.Single(d => d.Image.ImageId == "ami-old");

        Assert.Equal(DecisionAction.None, decision.Action);
        Assert.StartsWith("DescribeImageReferences was not read", decision.Reasons[0].Detail, StringComparison.Ordinal);
    }
}
