using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Expiry;

/// <summary>
/// What a planned deregistration tells the operator: the rule that fired with the image's own time and the policy's
/// value, and what deregistering an instance store-backed image leaves behind (found by mutation testing,
/// docs/mutation.md).
/// </summary>
public sealed class ExpiryPlannerReasonTests
{
    private static readonly ExpiryPolicy KeepOne = new() { KeepNewest = 1, DeprecatedForDays = null };

    private static Decision Old(AmiImage old, ExpiryPolicy policy) =>
        ExpiryPlanner.Plan(TestInventory.Of(old, TestImages.Image("ami-new", ageDays: 1)), policy, PlanSelection.All, TestImages.Now)
            .Decisions.Single(d => d.Image.ImageId == old.ImageId);

    [Fact]
    public void Plan_ExpiresAtPassed_ReasonNamesTheTagAndItsTime()
    {
        var old = TestImages.Image("ami-old", ageDays: 400).WithTags((TagNames.ExpiresAt, "2025-05-31T00:00:00Z"));

        var decision = Old(old, KeepOne with { UseExpiresAtTag = true });

        Assert.Equal(DecisionAction.Deregister, decision.Action);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(ReasonCode.ExpiresAtPassed, reason.Code);
        Assert.Contains(TagNames.ExpiresAt, reason.Detail, StringComparison.Ordinal);
        Assert.Contains("2025-05-31T00:00Z has passed", reason.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_OlderThanRetention_ReasonNamesCreationAgeAndRetention()
    {
        var decision = Old(TestImages.Image("ami-old", ageDays: 400), KeepOne with { UseExpiresAtTag = false, RetentionDays = 365 });

        Assert.Equal(DecisionAction.Deregister, decision.Action);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(ReasonCode.OlderThanRetention, reason.Code);
        Assert.Contains("created 2024-04-27T12:00Z", reason.Detail, StringComparison.Ordinal);
        Assert.Contains("400 days old", reason.Detail, StringComparison.Ordinal);
        Assert.Contains("retention 365 days", reason.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_InstanceStoreOptedIn_NoteSaysTheBundleStaysAndMustBeDeletedSeparately()
    {
        var old = TestImages.Image("ami-old", ageDays: 400).DeprecatedDaysAgo(60)
            with { RootDevice = RootDeviceKind.InstanceStore, ImageLocation = "my-bucket/web.manifest.xml" };

        var decision = Old(old, new ExpiryPolicy { KeepNewest = 1, AllowInstanceStore = true });

        Assert.Equal(DecisionAction.Deregister, decision.Action);
        var note = decision.Reasons.Single(r => r.Code == ReasonCode.InstanceStoreBacked);
        Assert.Contains("leaves its S3 bundle at my-bucket/web.manifest.xml", note.Detail, StringComparison.Ordinal);
        Assert.Contains("delete it separately", note.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("does not allow", note.Detail, StringComparison.Ordinal);
    }
}
