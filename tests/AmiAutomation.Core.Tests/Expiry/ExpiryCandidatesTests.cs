using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.References;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Expiry;

public sealed class ExpiryCandidatesTests
{
    private static readonly ExpiryPolicy CapOne = new() { KeepNewest = 1, MaxDeregistrationsPerRun = 1 };

    private static AmiImage Eligible(string id, double ageDays) => TestImages.Image(id, "web", ageDays).DeprecatedDaysAgo(60);

    private static InventorySnapshot Fleet(params ImageReference[] references) => TestInventory.Of(
        [Eligible("ami-a", 500), Eligible("ami-b", 400), Eligible("ami-c", 300), TestImages.Image("ami-young", ageDays: 5), TestImages.Image("ami-new", ageDays: 1)],
        references);

    [Fact]
    public void Candidates_CapAndIncompleteInventory_IgnoredSoAReferenceCanFreeTheCapForTheNext()
    {
        var fleet = Fleet(new ImageReference("ami-c", ReferenceKind.Instance, "i-1"))
            .WithSource(InventorySource.SpotFleets, SourceStatus.Failed, "boom");

        var candidates = ExpiryPlanner.Candidates(fleet, CapOne, PlanSelection.All, TestImages.Now);

        // ami-c is in use through a fleet-wide source, ami-young is not due, ami-new is the newest: none can be acted on.
        Assert.Equal(["ami-a", "ami-b"], candidates.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Plan_ImageWhoseReferencesWereNotRead_NeverDeregistered()
    {
        // A wrong candidate set (ami-a left out) must keep ami-a, not act on it blind; the cap then goes to ami-b.
        var inventory = Fleet() with { PerImageReferencesReadFor = new HashSet<string>(StringComparer.Ordinal) { "ami-b", "ami-c" } };

        var plan = ExpiryPlanner.Plan(inventory, CapOne, PlanSelection.All, TestImages.Now);

        var a = plan.Decisions.Single(d => d.Image.ImageId == "ami-a");
        Assert.Equal(DecisionAction.None, a.Action);
        Assert.Equal(ReasonCode.InventoryIncomplete, a.PrimaryReason);
        Assert.StartsWith("DescribeImageReferences was not read", a.Reasons[0].Detail, StringComparison.Ordinal);
        Assert.Equal(["ami-b"], plan.Actions.Select(d => d.Image.ImageId));
    }

    [Fact]
    public void Plan_PerImageReferencesReadForEveryone_SameAsFullRead()
    {
        var full = Fleet();
        var read = full with { PerImageReferencesReadFor = full.Images.Select(i => i.ImageId).ToHashSet(StringComparer.Ordinal) };

        Assert.Equal(
            ExpiryPlanner.Plan(full, CapOne, PlanSelection.All, TestImages.Now).Decisions.Select(d => (d.Image.ImageId, d.Action)),
            ExpiryPlanner.Plan(read, CapOne, PlanSelection.All, TestImages.Now).Decisions.Select(d => (d.Image.ImageId, d.Action)));
    }
}
