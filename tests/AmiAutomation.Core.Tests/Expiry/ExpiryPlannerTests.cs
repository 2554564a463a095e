using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.References;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Core.Tests.Protection;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Expiry;

public class ExpiryPlannerTests
{
    private static readonly ExpiryPolicy KeepOne = new() { KeepNewest = 1 };

    private static Plan PlanFor(InventorySnapshot inventory, ExpiryPolicy? policy = null, PlanSelection? selection = null) =>
        ExpiryPlanner.Plan(inventory, policy ?? KeepOne, selection ?? PlanSelection.All, TestImages.Now);

    private static Decision For(Plan plan, string imageId) => plan.Decisions.Single(d => d.Image.ImageId == imageId);

    private static ReasonCode[] Codes(Decision decision) => [.. decision.Reasons.Select(r => r.Code)];

    /// <summary>An image deprecated 60 days ago, eligible under the default rule.</summary>
    private static AmiImage Eligible(string id, string family = "web", double ageDays = 400) =>
        TestImages.Image(id, family, ageDays).DeprecatedDaysAgo(60);

    private static InventorySnapshot OldAndNew(AmiImage? old = null, params ImageReference[] references) =>
        TestInventory.Of([old ?? Eligible("ami-old"), TestImages.Image("ami-new", ageDays: 1)], references);

    [Fact]
    public void Plan_DeprecatedLongEnough_Deregisters()
    {
        var plan = PlanFor(OldAndNew());

        var old = For(plan, "ami-old");
        Assert.Equal(DecisionAction.Deregister, old.Action);
        Assert.True(old.IsDestructive);
        Assert.Equal([ReasonCode.DeprecatedLongEnough], Codes(old));
        Assert.Equal("deprecated since 2025-04-02T12:00Z, 60 days (at least 30)", old.Reasons[0].Detail);
        Assert.Equal(ExpiryPlanner.FunctionName, plan.Function);
        Assert.Equal("expire", plan.Function);
    }

    [Theory]
    [InlineData(null, "not deprecated")]
    [InlineData(10.0, "less than 30 days ago")]
    [InlineData(-5.0, "less than 30 days ago")]
    public void Plan_NotDeprecatedLongEnough_SkipsAsNotDue(double? deprecatedDaysAgo, string detail)
    {
        var old = TestImages.Image("ami-old", ageDays: 400) with { DeprecationTime = deprecatedDaysAgo is { } d ? TestImages.Now.AddDays(-d) : null };

        var decision = For(PlanFor(OldAndNew(old)), "ami-old");

        Assert.Equal([ReasonCode.NotDue], Codes(decision));
        Assert.Contains(detail, decision.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-05-31T00:00:00Z")]
    [InlineData("2025-05-31")]
    [InlineData("2025-06-01T12:00:30Z")]
    public void Plan_ExpiresAtPassed_Deregisters(string expiresAt)
    {
        var old = TestImages.Image("ami-old", ageDays: 400).WithTags((TagNames.ExpiresAt, expiresAt));

        var decision = For(PlanFor(OldAndNew(old)), "ami-old");

        Assert.Equal(DecisionAction.Deregister, decision.Action);
        Assert.Equal([ReasonCode.ExpiresAtPassed], Codes(decision));
    }

    [Theory]
    [InlineData("2025-06-01", "expires at 2025-06-02T00:00Z")]
    [InlineData("2025-07-01T00:00:00Z", "expires at 2025-07-01T00:00Z")]
    [InlineData("soon", "is not an RFC 3339 time and is ignored")]
    public void Plan_ExpiresAtNotPassedOrUnreadable_SkipsAsNotDue(string expiresAt, string detail)
    {
        var old = TestImages.Image("ami-old", ageDays: 400).WithTags((TagNames.ExpiresAt, expiresAt));

        var decision = For(PlanFor(OldAndNew(old)), "ami-old");

        Assert.Equal([ReasonCode.NotDue], Codes(decision));
        Assert.Contains(detail, decision.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ExpiresAtTagTurnedOff_IgnoresTag()
    {
        var old = TestImages.Image("ami-old", ageDays: 400).WithTags((TagNames.ExpiresAt, "2020-01-01"));

        var decision = For(PlanFor(OldAndNew(old), KeepOne with { UseExpiresAtTag = false }), "ami-old");

        Assert.Equal([ReasonCode.NotDue], Codes(decision));
    }

    [Fact]
    public void Plan_OlderThanRetention_Deregisters()
    {
        var policy = KeepOne with { DeprecatedForDays = null, RetentionDays = 365 };

        var plan = PlanFor(TestInventory.Of(TestImages.Image("ami-old", ageDays: 400), TestImages.Image("ami-mid", ageDays: 200), TestImages.Image("ami-new", ageDays: 1)), policy);

        Assert.Equal([ReasonCode.OlderThanRetention], Codes(For(plan, "ami-old")));
        Assert.Equal(DecisionAction.Deregister, For(plan, "ami-old").Action);
        Assert.Equal([ReasonCode.NotDue], Codes(For(plan, "ami-mid")));
        Assert.Equal("no ami-lifecycle:expires-at tag; 200 days old (retention 365)", For(plan, "ami-mid").Reasons[0].Detail);
    }

    [Fact]
    public void Plan_SeveralRulesFire_ListsEveryRule()
    {
        var old = Eligible("ami-old").WithTags((TagNames.ExpiresAt, "2025-01-01"));

        var decision = For(PlanFor(OldAndNew(old), KeepOne with { RetentionDays = 100 }), "ami-old");

        Assert.Equal([ReasonCode.DeprecatedLongEnough, ReasonCode.ExpiresAtPassed, ReasonCode.OlderThanRetention], Codes(decision));
    }

    [Theory]
    [InlineData("not-owned", ReasonCode.NotOwned)]
    [InlineData("pending", ReasonCode.NotAvailable)]
    [InlineData("failed", ReasonCode.NotAvailable)]
    [InlineData("in-use", ReasonCode.InUse)]
    [InlineData("keep", ReasonCode.KeepTag)]
    [InlineData("keep-empty", ReasonCode.KeepTag)]
    [InlineData("keep-until-future", ReasonCode.HeldUntil)]
    [InlineData("keep-until-unreadable", ReasonCode.HeldUntil)]
    [InlineData("deregistration-protected", ReasonCode.DeregistrationProtected)]
    [InlineData("dlm", ReasonCode.ManagedByDataLifecycleManager)]
    [InlineData("backup", ReasonCode.ManagedByAwsBackup)]
    [InlineData("image-builder", ReasonCode.ManagedByImageBuilder)]
    [InlineData("public", ReasonCode.PublicImage)]
    [InlineData("public-permission", ReasonCode.PublicImage)]
    [InlineData("instance-store", ReasonCode.InstanceStoreBacked)]
    [InlineData("launched-yesterday", ReasonCode.RecentlyLaunched)]
    [InlineData("shared-account", ReasonCode.SharedImage)]
    [InlineData("shared-organization", ReasonCode.SharedImage)]
    [InlineData("shared-ou", ReasonCode.SharedImage)]
    public void Plan_ProtectedImage_SkipsWithItsReason(string protection, ReasonCode expected)
    {
        var (old, references) = ImageProtectionsTests.Protect(Eligible("ami-old"), protection);

        var decision = For(PlanFor(OldAndNew(old, references)), "ami-old");

        Assert.False(decision.Acts);
        Assert.Equal([expected], Codes(decision));
    }

    [Theory]
    [InlineData("keep-false")]
    [InlineData("keep-until-past")]
    [InlineData("launched-long-ago")]
    [InlineData("disabled")]
    [InlineData("managed-by-us")]
    public void Plan_NotAProtection_Deregisters(string condition)
    {
        var (old, references) = ImageProtectionsTests.Protect(Eligible("ami-old"), condition);

        Assert.Equal(DecisionAction.Deregister, For(PlanFor(OldAndNew(old, references)), "ami-old").Action);
    }

    [Fact]
    public void Plan_RecentLaunchWindow_UsesPolicyDays()
    {
        var old = Eligible("ami-old") with { LastLaunchedTime = TestImages.Now.AddDays(-10) };

        Assert.Equal([ReasonCode.RecentlyLaunched], Codes(For(PlanFor(OldAndNew(old), KeepOne with { RecentLaunchDays = 11 }), "ami-old")));
        Assert.Equal(DecisionAction.Deregister, For(PlanFor(OldAndNew(old), KeepOne with { RecentLaunchDays = 9 }), "ami-old").Action);
    }

    [Fact]
    public void Plan_SeveralProtections_ListsEveryOne()
    {
        var old = Eligible("ami-old").WithTags((TagNames.Keep, "yes")) with { IsPublic = true, LastLaunchedTime = TestImages.Now.AddHours(-2) };

        var decision = For(PlanFor(OldAndNew(old, new ImageReference("ami-old", ReferenceKind.LaunchTemplateVersion, "lt-0abc v7"))), "ami-old");

        Assert.Equal([ReasonCode.InUse, ReasonCode.KeepTag, ReasonCode.PublicImage, ReasonCode.RecentlyLaunched], Codes(decision));
        Assert.Equal("1 reference: launch template lt-0abc v7", decision.Reasons[0].Detail);
    }

    [Fact]
    public void Plan_PublicAllowed_Deregisters()
    {
        var old = Eligible("ami-old") with { IsPublic = true };

        Assert.Equal(DecisionAction.Deregister, For(PlanFor(OldAndNew(old), KeepOne with { AllowPublic = true }), "ami-old").Action);
    }

    [Fact]
    public void Plan_InstanceStoreAllowed_DeregistersAndNamesBundleLeftBehind()
    {
        var old = Eligible("ami-old") with { RootDevice = RootDeviceKind.InstanceStore, ImageLocation = "my-bucket/web.manifest.xml" };

        var decision = For(PlanFor(OldAndNew(old), KeepOne with { AllowInstanceStore = true }), "ami-old");

        Assert.Equal(DecisionAction.Deregister, decision.Action);
        Assert.Equal([ReasonCode.DeprecatedLongEnough, ReasonCode.InstanceStoreBacked], Codes(decision));
        Assert.Contains("my-bucket/web.manifest.xml", decision.Reasons[1].Detail, StringComparison.Ordinal);
        Assert.Equal(ReasonCode.DeprecatedLongEnough, decision.PrimaryReason);
    }

    [Theory]
    [InlineData(ImageManager.DataLifecycleManager, DecisionAction.Deregister)]
    [InlineData(ImageManager.ImageBuilder, DecisionAction.Deregister)]
    [InlineData(ImageManager.AwsBackup, DecisionAction.None)]
    public void Plan_ManagedImageWithEveryOptIn_DeregistersExceptAwsBackup(ImageManager manager, DecisionAction expected)
    {
        var policy = KeepOne with { IncludeDataLifecycleManagerImages = true, IncludeImageBuilderImages = true };

        Assert.Equal(expected, For(PlanFor(OldAndNew(Eligible("ami-old") with { ManagedBy = manager }), policy), "ami-old").Action);
    }

    [Fact]
    public void Plan_NewestK_NeverDeregisteredEvenWhenEligible()
    {
        var inventory = TestInventory.Of(Eligible("ami-1", ageDays: 400), Eligible("ami-2", ageDays: 300), Eligible("ami-3", ageDays: 200), Eligible("ami-4", ageDays: 100));

        var plan = PlanFor(inventory, new ExpiryPolicy());

        Assert.Equal(DecisionAction.Deregister, For(plan, "ami-1").Action);
        Assert.All(["ami-2", "ami-3", "ami-4"], id => Assert.Equal([ReasonCode.NewestInFamily], Codes(For(plan, id))));
    }

    [Fact]
    public void Plan_SelectionOfOneImage_DoesNotChangeNewestKOrFamilyCount()
    {
        var inventory = TestInventory.Of(Eligible("ami-1", ageDays: 400), Eligible("ami-2", ageDays: 300));

        var selectNewest = PlanFor(inventory, selection: PlanSelection.ForImages("ami-2"));
        var selectOldest = PlanFor(inventory, selection: PlanSelection.ForImages("ami-1"));

        Assert.Equal([ReasonCode.NewestInFamily], Codes(For(selectNewest, "ami-2")));
        Assert.Equal([ReasonCode.NotSelected], Codes(For(selectNewest, "ami-1")));
        Assert.Equal(DecisionAction.Deregister, For(selectOldest, "ami-1").Action);
    }

    [Fact]
    public void Plan_SeveralEligibleInOneFamily_KeepsTheLastOne()
    {
        var inventory = TestInventory.Of(
            Eligible("ami-1", ageDays: 400) with { State = ImageState.Disabled },
            Eligible("ami-2", ageDays: 300) with { State = ImageState.Disabled },
            Eligible("ami-3", ageDays: 200) with { State = ImageState.Disabled });

        var plan = PlanFor(inventory);

        Assert.Equal([DecisionAction.Deregister, DecisionAction.Deregister, DecisionAction.None], plan.Decisions.Select(d => d.Action));
        var last = For(plan, "ami-3");
        Assert.Equal([ReasonCode.LastOfFamily, ReasonCode.DeprecatedLongEnough], Codes(last));
        Assert.Equal("last available-or-disabled image of family 'web' in eu-west-1 after this run's deregistrations", last.Reasons[0].Detail);
    }

    [Fact]
    public void Plan_OnlyImageOfFamilyIsDisabled_SkipsAsLastOfFamily()
    {
        var inventory = TestInventory.Of(Eligible("ami-1") with { State = ImageState.Disabled }, TestImages.Image("ami-pending", ageDays: 1, state: ImageState.Pending));

        Assert.Equal([ReasonCode.LastOfFamily, ReasonCode.DeprecatedLongEnough], Codes(For(PlanFor(inventory), "ami-1")));
    }

    [Fact]
    public void Plan_MoreEligibleThanCap_DeregistersOldestUpToCapAndSkipsTheRest()
    {
        var images = Enumerable.Range(1, 6).Select(i => Eligible($"ami-{i}", ageDays: 500 - i)).Append(TestImages.Image("ami-new", ageDays: 1));
        var inventory = TestInventory.Of(images, []);

        var plan = PlanFor(inventory, KeepOne with { MaxDeregistrationsPerRun = 2 });

        Assert.Equal(["ami-1", "ami-2"], plan.Actions.Select(d => d.Image.ImageId));
        var capped = For(plan, "ami-3");
        Assert.Equal([ReasonCode.BlastRadiusCapReached, ReasonCode.DeprecatedLongEnough], Codes(capped));
        Assert.Equal("this run already plans 2 deregistration(s), the cap is 2", capped.Reasons[0].Detail);
        Assert.Equal(4, plan.Decisions.Count(d => d.PrimaryReason == ReasonCode.BlastRadiusCapReached));
    }

    [Fact]
    public void Plan_Cap_CountsAcrossFamiliesOldestFirstWithIdTieBreak()
    {
        var inventory = TestInventory.Of(
            Eligible("ami-b", "api", 400), Eligible("ami-a", "web", 400), Eligible("ami-c", "web", 300),
            TestImages.Image("ami-api-new", "api", 1), TestImages.Image("ami-web-new", "web", 1));

        var plan = PlanFor(inventory, KeepOne with { MaxDeregistrationsPerRun = 2 });

        Assert.Equal(["ami-a", "ami-b"], plan.Actions.Select(d => d.Image.ImageId));
        Assert.Equal(ReasonCode.BlastRadiusCapReached, For(plan, "ami-c").PrimaryReason);
    }

    [Theory]
    [InlineData(InventorySource.Images, SourceStatus.Truncated)]
    [InlineData(InventorySource.Instances, SourceStatus.Failed)]
    [InlineData(InventorySource.LaunchTemplates, SourceStatus.Truncated)]
    [InlineData(InventorySource.ImageReferences, SourceStatus.Failed)]
    [InlineData(InventorySource.LastLaunchedTime, SourceStatus.Failed)]
    public void Plan_AnySourceFailedOrTruncated_DeregistersNothing(InventorySource source, SourceStatus status)
    {
        var inventory = OldAndNew().WithSource(source, status, "RequestLimitExceeded");

        var plan = PlanFor(inventory);

        Assert.Empty(plan.Actions);
        var decision = For(plan, "ami-old");
        Assert.Equal([ReasonCode.InventoryIncomplete, ReasonCode.DeprecatedLongEnough], Codes(decision));
        Assert.Contains($"{source} {status} (RequestLimitExceeded)", decision.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SourceDisabledByOperator_CountsAsComplete()
    {
        var inventory = OldAndNew().WithSource(InventorySource.LastLaunchedTime, SourceStatus.Disabled);

        Assert.Equal(DecisionAction.Deregister, For(PlanFor(inventory), "ami-old").Action);
    }

    [Fact]
    public void Plan_NotSelectedFamily_SkipsWithNotSelected()
    {
        var decision = For(PlanFor(OldAndNew(), selection: PlanSelection.ForFamilies("api")), "ami-old");

        Assert.Equal([ReasonCode.NotSelected], Codes(decision));
    }

    [Fact]
    public void Plan_InvalidPolicy_ThrowsListingEveryError()
    {
        var ex = Assert.Throws<ArgumentException>(() => PlanFor(OldAndNew(), new ExpiryPolicy { RecentLaunchDays = 0, MaxDeregistrationsPerRun = 0 }));

        Assert.Contains("RecentLaunchDays", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxDeregistrationsPerRun", ex.Message, StringComparison.Ordinal);
    }
}
