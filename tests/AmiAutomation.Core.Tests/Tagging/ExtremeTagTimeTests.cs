using AmiAutomation.Core.Deprecation;
using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Tagging;

/// <summary>
/// One image with an extreme or unreadable time tag must never stop the plan of a whole region: far-future holds
/// mean "forever", far-past values are simply past, unreadable values take their safe meaning.
/// </summary>
public class ExtremeTagTimeTests
{
    public static TheoryData<string> ExtremeValues =>
    [
        "9999-12-31",
        "9999-12-31T23:59:59Z",
        "9999-12-31T23:59:59.9999999Z",
        "9999-12-31T23:59:59-14:00",
        "0001-01-01",
        "0001-01-01T00:00:00Z",
        "0001-01-01T00:00:00+14:00",
        "99999-12-31",
        "2025-02-30",
        "2025-01-31T25:00:00Z",
    ];

    [Theory]
    [MemberData(nameof(ExtremeValues))]
    public void ExpiryPlan_ExtremeTimeTags_PlansEveryImage(string value)
    {
        var inventory = Fleet(value);

        var plan = ExpiryPlanner.Plan(inventory, new ExpiryPolicy { KeepNewest = 1, UseExpiresAtTag = true }, PlanSelection.All, TestImages.Now);

        Assert.Equal(inventory.Images.Count, plan.Decisions.Count);
        Assert.Equal(DecisionAction.Deregister, plan.Decisions.Single(d => d.Image.ImageId == "ami-plain").Action);
    }

    [Theory]
    [MemberData(nameof(ExtremeValues))]
    public void DeprecationPlan_ExtremeTimeTags_PlansEveryImage(string value)
    {
        var inventory = Fleet(value, deprecatedDaysAgo: null);

        var plan = DeprecationPlanner.Plan(inventory, new DeprecationPolicy(), PlanSelection.All, TestImages.Now);

        Assert.Equal(inventory.Images.Count, plan.Decisions.Count);
        Assert.Equal(DecisionAction.Deprecate, plan.Decisions.Single(d => d.Image.ImageId == "ami-plain").Action);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("9999-12-31T23:59:59Z")]
    public void ExpiryPlan_KeepUntilLastDay_HoldsForever(string value)
    {
        var plan = ExpiryPlanner.Plan(Fleet(value), new ExpiryPolicy { KeepNewest = 1 }, PlanSelection.All, TestImages.Now);

        var held = plan.Decisions.Single(d => d.Image.ImageId == "ami-held");
        Assert.False(held.Acts);
        Assert.Contains(held.Reasons, r => r.Code == ReasonCode.HeldUntil);
    }

    private static InventorySnapshot Fleet(string value, double? deprecatedDaysAgo = 60) => TestInventory.Of(
    [
        Old("ami-held", 400, deprecatedDaysAgo).WithTags((TagNames.KeepUntil, value)),
        Old("ami-expiring", 400, deprecatedDaysAgo).WithTags((TagNames.ExpiresAt, value)),
        Old("ami-plain", 300, deprecatedDaysAgo),
        TestImages.Image("ami-new", ageDays: 1),
    ]);

    private static AmiImage Old(string id, double ageDays, double? deprecatedDaysAgo) =>
        deprecatedDaysAgo is { } days ? TestImages.Image(id, ageDays: ageDays).DeprecatedDaysAgo(days) : TestImages.Image(id, ageDays: ageDays);
}
