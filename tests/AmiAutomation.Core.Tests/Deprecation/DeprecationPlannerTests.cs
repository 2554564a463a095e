using AmiAutomation.Core.Deprecation;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.References;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Core.Tests.Protection;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Deprecation;

public class DeprecationPlannerTests
{
    private static readonly DateTimeOffset Earliest = new(2025, 6, 1, 12, 2, 0, TimeSpan.Zero);

    private static Plan PlanFor(InventorySnapshot inventory, DeprecationPolicy? policy = null, PlanSelection? selection = null) =>
        DeprecationPlanner.Plan(inventory, policy ?? new DeprecationPolicy(), selection ?? PlanSelection.All, TestImages.Now);

    private static Decision For(Plan plan, string imageId) => plan.Decisions.Single(d => d.Image.ImageId == imageId);

    private static ReasonCode[] Codes(Decision decision) => [.. decision.Reasons.Select(r => r.Code)];

    private static InventorySnapshot OldAndNew(AmiImage? old = null, params ImageReference[] references) =>
        TestInventory.Of([old ?? TestImages.Image("ami-old", ageDays: 400), TestImages.Image("ami-new", ageDays: 1)], references);

    [Fact]
    public void Plan_ImageOlderThanMaxAge_DeprecatesAtEarliestWholeMinute()
    {
        var plan = PlanFor(OldAndNew());

        var old = For(plan, "ami-old");
        Assert.Equal(DecisionAction.Deprecate, old.Action);
        Assert.Equal(Earliest, old.DeprecateAt);
        Assert.Equal([ReasonCode.OlderThanMaxAge], Codes(old));
        Assert.Equal("created 2024-04-27T12:00Z, 400 days old (max age 90 days)", old.Reasons[0].Detail);
        Assert.Equal("web", old.Family);
    }

    [Fact]
    public void Plan_DeprecateInDays_SetsTimeThatManyDaysAheadRoundedUp()
    {
        var plan = PlanFor(OldAndNew(), new DeprecationPolicy { DeprecateInDays = 14 });

        Assert.Equal(new DateTimeOffset(2025, 6, 15, 12, 1, 0, TimeSpan.Zero), For(plan, "ami-old").DeprecateAt);
    }

    [Fact]
    public void Plan_Metadata_NamesFunctionRegionTimeAndSources()
    {
        var inventory = OldAndNew();

        var plan = PlanFor(inventory);

        Assert.Equal(DeprecationPlanner.FunctionName, plan.Function);
        Assert.Equal("deprecate", plan.Function);
        Assert.Equal(TestImages.Region, plan.Region);
        Assert.Equal(TestImages.Now, plan.PlannedAt);
        Assert.Same(inventory.Sources, plan.Sources);
    }

    [Theory]
    [InlineData("not-owned", ReasonCode.NotOwned)]
    [InlineData("pending", ReasonCode.NotAvailable)]
    [InlineData("failed", ReasonCode.NotAvailable)]
    [InlineData("in-use", ReasonCode.InUse)]
    [InlineData("keep", ReasonCode.KeepTag)]
    [InlineData("keep-until-future", ReasonCode.HeldUntil)]
    [InlineData("deregistration-protected", ReasonCode.DeregistrationProtected)]
    [InlineData("dlm", ReasonCode.ManagedByDataLifecycleManager)]
    [InlineData("backup", ReasonCode.ManagedByAwsBackup)]
    [InlineData("image-builder", ReasonCode.ManagedByImageBuilder)]
    public void Plan_ProtectedImage_SkipsWithItsReason(string protection, ReasonCode expected)
    {
        var (old, references) = ImageProtectionsTests.Protect(TestImages.Image("ami-old", ageDays: 400), protection);

        var decision = For(PlanFor(OldAndNew(old, references)), "ami-old");

        Assert.False(decision.Acts);
        Assert.Equal([expected], Codes(decision));
    }

    [Theory]
    [InlineData("public")]
    [InlineData("instance-store")]
    [InlineData("launched-yesterday")]
    [InlineData("disabled")]
    [InlineData("keep-false")]
    [InlineData("shared-account")]
    [InlineData("shared-organization")]
    [InlineData("shared-ou")]
    public void Plan_NotProtectedForDeprecation_Deprecates(string condition)
    {
        var (old, references) = ImageProtectionsTests.Protect(TestImages.Image("ami-old", ageDays: 400), condition);

        Assert.Equal(DecisionAction.Deprecate, For(PlanFor(OldAndNew(old, references)), "ami-old").Action);
    }

    [Theory]
    [InlineData(ImageManager.DataLifecycleManager)]
    [InlineData(ImageManager.ImageBuilder)]
    public void Plan_ManagedImageWithOptIn_Deprecates(ImageManager manager)
    {
        var policy = new DeprecationPolicy { IncludeDataLifecycleManagerImages = true, IncludeImageBuilderImages = true };

        var decision = For(PlanFor(OldAndNew(TestImages.Image("ami-old", ageDays: 400) with { ManagedBy = manager }), policy), "ami-old");

        Assert.Equal(DecisionAction.Deprecate, decision.Action);
    }

    [Fact]
    public void Plan_AwsBackupImageWithEveryOptIn_StillSkipped()
    {
        var policy = new DeprecationPolicy { IncludeDataLifecycleManagerImages = true, IncludeImageBuilderImages = true };

        var decision = For(PlanFor(OldAndNew(TestImages.Image("ami-old", ageDays: 400) with { ManagedBy = ImageManager.AwsBackup }), policy), "ami-old");

        Assert.Equal([ReasonCode.ManagedByAwsBackup], Codes(decision));
    }

    [Fact]
    public void Plan_SeveralProtections_ListsEveryOne()
    {
        var old = TestImages.Image("ami-old", ageDays: 400).WithTags((TagNames.Keep, "1")) with { DeregistrationProtected = true };

        var decision = For(PlanFor(OldAndNew(old, new ImageReference("ami-old", ReferenceKind.Instance, "i-0abc"))), "ami-old");

        Assert.Equal([ReasonCode.InUse, ReasonCode.KeepTag, ReasonCode.DeregistrationProtected], Codes(decision));
        Assert.Equal("1 reference: instance i-0abc", decision.Reasons[0].Detail);
    }

    [Fact]
    public void Plan_NewestK_NeverDeprecatedEvenWhenOld()
    {
        var inventory = TestInventory.Of(TestImages.Image("ami-a", ageDays: 500), TestImages.Image("ami-b", ageDays: 400), TestImages.Image("ami-c", ageDays: 300));

        var plan = PlanFor(inventory, new DeprecationPolicy { KeepNewest = 2 });

        Assert.Equal(DecisionAction.Deprecate, For(plan, "ami-a").Action);
        Assert.Equal([ReasonCode.NewestInFamily], Codes(For(plan, "ami-b")));
        Assert.Equal([ReasonCode.NewestInFamily], Codes(For(plan, "ami-c")));
        Assert.Equal("among the newest 2 available image(s) of family 'web' (number 1 of 3)", For(plan, "ami-c").Reasons[0].Detail);
    }

    [Fact]
    public void Plan_EqualCreationDates_GreaterImageIdIsNewer()
    {
        var inventory = TestInventory.Of(TestImages.Image("ami-2", ageDays: 400), TestImages.Image("ami-1", ageDays: 400));

        var plan = PlanFor(inventory);

        Assert.Equal(DecisionAction.Deprecate, For(plan, "ami-1").Action);
        Assert.Equal([ReasonCode.NewestInFamily], Codes(For(plan, "ami-2")));
    }

    [Theory]
    [InlineData(ImageState.Pending)]
    [InlineData(ImageState.Failed)]
    [InlineData(ImageState.Disabled)]
    public void Plan_NewerImageNotAvailable_DoesNotCountAsNewest(ImageState state)
    {
        var inventory = TestInventory.Of(TestImages.Image("ami-old", ageDays: 400), TestImages.Image("ami-newer", ageDays: 1, state: state));

        Assert.Equal([ReasonCode.NewestInFamily], Codes(For(PlanFor(inventory), "ami-old")));
    }

    [Fact]
    public void Plan_NewerImageOwnedByOthers_DoesNotCountAsNewest()
    {
        var inventory = TestInventory.Of(TestImages.Image("ami-old", ageDays: 400), TestImages.Image("ami-foreign", ageDays: 1) with { OwnerId = TestImages.OtherAccount });

        Assert.Equal([ReasonCode.NewestInFamily], Codes(For(PlanFor(inventory), "ami-old")));
    }

    [Fact]
    public void Plan_SelectionOfOneImage_DoesNotChangeNewestK()
    {
        var inventory = TestInventory.Of(TestImages.Image("ami-a", ageDays: 500), TestImages.Image("ami-b", ageDays: 400));

        var selectOld = PlanFor(inventory, selection: PlanSelection.ForImages("ami-a"));
        var selectNew = PlanFor(inventory, selection: PlanSelection.ForImages("ami-b"));

        Assert.Equal(DecisionAction.Deprecate, For(selectOld, "ami-a").Action);
        Assert.Equal([ReasonCode.NotSelected], Codes(For(selectOld, "ami-b")));
        Assert.Equal([ReasonCode.NewestInFamily], Codes(For(selectNew, "ami-b")));
        Assert.Equal([ReasonCode.NotSelected], Codes(For(selectNew, "ami-a")));
    }

    [Fact]
    public void Plan_FamilyNotSelected_SkipsWithNotSelected()
    {
        var inventory = TestInventory.Of(TestImages.Image("ami-w", "web", 400), TestImages.Image("ami-w2", "web", 1), TestImages.Image("ami-a", "api", 400), TestImages.Image("ami-a2", "api", 1));

        var plan = PlanFor(inventory, selection: PlanSelection.ForFamilies("api"));

        var skipped = For(plan, "ami-w");
        Assert.Equal([ReasonCode.NotSelected], Codes(skipped));
        Assert.Equal("family 'web' is not among the 1 selected families", skipped.Reasons[0].Detail);
        Assert.Equal(DecisionAction.Deprecate, For(plan, "ami-a").Action);
    }

    [Fact]
    public void Plan_AtLeastMNewerImages_DeprecatesAsSupersededNamingCountAndNewest()
    {
        var inventory = TestInventory.Of(
            TestImages.Image("ami-1", ageDays: 40), TestImages.Image("ami-2", ageDays: 30), TestImages.Image("ami-3", ageDays: 20), TestImages.Image("ami-4", ageDays: 10));
        var policy = new DeprecationPolicy { MaxAgeDays = null, MinNewerImages = 2 };

        var plan = PlanFor(inventory, policy);

        Assert.Equal([DecisionAction.Deprecate, DecisionAction.Deprecate, DecisionAction.None, DecisionAction.None], plan.Decisions.Select(d => d.Action));
        var first = For(plan, "ami-1");
        Assert.Equal([ReasonCode.SupersededByNewer], Codes(first));
        Assert.Equal("3 newer available image(s) in family 'web' (threshold 2); newest ami-4 created 2025-05-22T12:00Z", first.Reasons[0].Detail);
        Assert.Equal([ReasonCode.NotDue], Codes(For(plan, "ami-3")));
        Assert.Equal("1 newer image(s) (threshold 2)", For(plan, "ami-3").Reasons[0].Detail);
    }

    [Fact]
    public void Plan_BothRulesFire_ListsBoth()
    {
        var policy = new DeprecationPolicy { MinNewerImages = 1 };

        Assert.Equal([ReasonCode.OlderThanMaxAge, ReasonCode.SupersededByNewer], Codes(For(PlanFor(OldAndNew(), policy), "ami-old")));
    }

    [Fact]
    public void Plan_YoungImage_SkipsAsNotDue()
    {
        var inventory = TestInventory.Of(TestImages.Image("ami-young", ageDays: 30), TestImages.Image("ami-new", ageDays: 1));

        var decision = For(PlanFor(inventory), "ami-young");

        Assert.Equal([ReasonCode.NotDue], Codes(decision));
        Assert.Equal("30 days old (max age 90)", decision.Reasons[0].Detail);
    }

    [Fact]
    public void Plan_ExistingEarlierTime_SkipsAlreadyDeprecatedEarlier()
    {
        var old = TestImages.Image("ami-old", ageDays: 400) with { DeprecationTime = TestImages.Now.AddDays(-10) };

        var decision = For(PlanFor(OldAndNew(old)), "ami-old");

        Assert.Equal([ReasonCode.AlreadyDeprecatedEarlier, ReasonCode.OlderThanMaxAge], Codes(decision));
    }

    [Fact]
    public void Plan_ExistingLaterTime_SkipsAsSetByHand()
    {
        var old = TestImages.Image("ami-old", ageDays: 400) with { DeprecationTime = TestImages.Now.AddDays(100) };

        var decision = For(PlanFor(OldAndNew(old)), "ami-old");

        Assert.Equal([ReasonCode.DeprecationSetByHand, ReasonCode.OlderThanMaxAge], Codes(decision));
    }

    [Fact]
    public void Plan_ExistingLaterTimeAndMovingAllowed_MovesItEarlier()
    {
        var old = TestImages.Image("ami-old", ageDays: 400) with { DeprecationTime = TestImages.Now.AddDays(100) };

        var decision = For(PlanFor(OldAndNew(old), new DeprecationPolicy { AllowMovingExistingDeprecation = true }), "ami-old");

        Assert.Equal(DecisionAction.Deprecate, decision.Action);
        Assert.Equal(Earliest, decision.DeprecateAt);
        Assert.Equal([ReasonCode.OlderThanMaxAge, ReasonCode.DeprecationMovedEarlier], Codes(decision));
    }

    [Fact]
    public void Plan_ExistingEarlierTimeAndMovingAllowed_NeverMovesItLater()
    {
        var old = TestImages.Image("ami-old", ageDays: 400) with { DeprecationTime = TestImages.Now.AddDays(3) };
        var policy = new DeprecationPolicy { AllowMovingExistingDeprecation = true, DeprecateInDays = 30 };

        Assert.Equal([ReasonCode.AlreadyDeprecatedEarlier, ReasonCode.OlderThanMaxAge], Codes(For(PlanFor(OldAndNew(old), policy), "ami-old")));
    }

    [Fact]
    public void Plan_PublicImage_ClampsToTwoYearsAfterCreation()
    {
        var old = TestImages.Image("ami-old", ageDays: 700) with { IsPublic = true };

        var decision = For(PlanFor(OldAndNew(old), new DeprecationPolicy { DeprecateInDays = 100 }), "ami-old");

        Assert.Equal(DecisionAction.Deprecate, decision.Action);
        Assert.Equal(DeprecationLimits.FloorToMinute(old.CreationDate.AddYears(2)), decision.DeprecateAt);
        Assert.Equal([ReasonCode.OlderThanMaxAge, ReasonCode.DeprecationClamped], Codes(decision));
    }

    [Fact]
    public void Plan_PublicImagePastTwoYears_SkippedWithReasonNotPlanned()
    {
        var old = TestImages.Image("ami-old", ageDays: 800) with { IsPublic = true };

        var decision = For(PlanFor(OldAndNew(old)), "ami-old");

        Assert.Equal(DecisionAction.None, decision.Action);
        Assert.Null(decision.DeprecateAt);
        Assert.Equal([ReasonCode.PublicPastDeprecationLimit, ReasonCode.OlderThanMaxAge], Codes(decision));
        Assert.Contains("make it private", decision.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_PublicThroughLaunchPermissionPastTwoYears_Skipped()
    {
        var old = TestImages.Image("ami-old", ageDays: 731) with { LaunchPermissions = [LaunchPermission.Public] };

        var decision = For(PlanFor(OldAndNew(old)), "ami-old");

        Assert.Equal([ReasonCode.PublicPastDeprecationLimit, ReasonCode.OlderThanMaxAge], Codes(decision));
    }

    [Fact]
    public void Plan_PublicImageAlreadyDeprecatedByEc2Default_ReportedAsAlreadyDeprecated()
    {
        var old = TestImages.Image("ami-old", ageDays: 800) with { IsPublic = true };
        old = old with { DeprecationTime = old.CreationDate.AddYears(2) };

        var decision = For(PlanFor(OldAndNew(old)), "ami-old");

        Assert.Equal(ReasonCode.AlreadyDeprecatedEarlier, decision.Reasons[0].Code);
    }

    [Fact]
    public void Plan_PrivateImagePastTwoYears_StillDeprecated()
    {
        var decision = For(PlanFor(OldAndNew(TestImages.Image("ami-old", ageDays: 800))), "ami-old");

        Assert.Equal((DecisionAction.Deprecate, Earliest), (decision.Action, decision.DeprecateAt!.Value));
    }

    [Fact]
    public void Plan_CopyOfSourceInInventory_FollowsSourcesPlannedTime()
    {
        var source = TestImages.Image("ami-src", "web", 400);
        var copy = TestImages.Image("ami-copy", "web-copy", 10).WithTags((TagNames.SourceImage, "ami-src"));
        var inventory = TestInventory.Of(source, TestImages.Image("ami-web-new", "web", 1), copy, TestImages.Image("ami-copy-new", "web-copy", 1));

        var plan = PlanFor(inventory, new DeprecationPolicy { DeprecateInDays = 7 });

        var followed = For(plan, "ami-copy");
        Assert.Equal(DecisionAction.Deprecate, followed.Action);
        Assert.Equal(For(plan, "ami-src").DeprecateAt, followed.DeprecateAt);
        Assert.Equal([ReasonCode.FollowsSourceDeprecation], Codes(followed));
        Assert.Contains("ami-src", followed.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_CopyOfSourceWithPastDeprecation_DeprecatesAtEarliest()
    {
        var source = TestImages.Image("ami-src", "web", 400) with { DeprecationTime = TestImages.Now.AddDays(-50) };
        var copy = TestImages.Image("ami-copy", "web-copy", 10).WithTags((TagNames.SourceImage, "ami-src"));
        var inventory = TestInventory.Of(source, TestImages.Image("ami-web-new", "web", 1), copy, TestImages.Image("ami-copy-new", "web-copy", 1));

        var followed = For(PlanFor(inventory), "ami-copy");

        Assert.Equal(Earliest, followed.DeprecateAt);
        Assert.Equal([ReasonCode.FollowsSourceDeprecation], Codes(followed));
    }

    [Fact]
    public void Plan_CopyOfUndeprecatedSource_IgnoresOwnAgeAndSkipsAsNotDue()
    {
        var source = TestImages.Image("ami-src", "web", 400).WithTags((TagNames.Keep, "true"));
        var copy = TestImages.Image("ami-copy", "web-copy", 400).WithTags((TagNames.SourceImage, "ami-src"));
        var inventory = TestInventory.Of(source, TestImages.Image("ami-web-new", "web", 1), copy, TestImages.Image("ami-copy-new", "web-copy", 1));

        var decision = For(PlanFor(inventory), "ami-copy");

        Assert.Equal([ReasonCode.NotDue], Codes(decision));
        Assert.Contains("ami-src", decision.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_CopyWhoseSourceIsInAnotherRegion_UsesOwnAge()
    {
        var copy = TestImages.Image("ami-copy", "web", 400).WithTags((TagNames.SourceImage, "ami-elsewhere"), (TagNames.SourceRegion, "us-east-1"));

        var decision = For(PlanFor(OldAndNew(copy with { ImageId = "ami-old" })), "ami-old");

        Assert.Equal([ReasonCode.OlderThanMaxAge], Codes(decision));
    }

    [Fact]
    public void Plan_SourceBeyondTenYears_CopyClampedToTenYears()
    {
        var source = TestImages.Image("ami-src", "web", 400) with { DeprecationTime = TestImages.Now.AddYears(11) };
        var copy = TestImages.Image("ami-copy", "web-copy", 10).WithTags((TagNames.SourceImage, "ami-src"));
        var inventory = TestInventory.Of(source, copy, TestImages.Image("ami-copy-new", "web-copy", 1));

        var decision = For(PlanFor(inventory), "ami-copy");

        Assert.Equal(DeprecationLimits.FloorToMinute(TestImages.Now.AddYears(10)), decision.DeprecateAt);
        Assert.Equal([ReasonCode.FollowsSourceDeprecation, ReasonCode.DeprecationClamped], Codes(decision));
    }

    [Fact]
    public void Plan_CopyOfCopy_FollowsTheChainWhateverTheListOrder()
    {
        var source = TestImages.Image("ami-src", "web", 400);
        var copy1 = TestImages.Image("ami-c1", "copy1", 10).WithTags((TagNames.SourceImage, "ami-src"));
        var copy2 = TestImages.Image("ami-c2", "copy2", 5).WithTags((TagNames.SourceImage, "ami-c1"));
        var inventory = TestInventory.Of(
            copy2, copy1, source,
            TestImages.Image("ami-web-new", "web", 1), TestImages.Image("ami-c1-new", "copy1", 1), TestImages.Image("ami-c2-new", "copy2", 1));

        var plan = PlanFor(inventory, new DeprecationPolicy { DeprecateInDays = 3 });

        var expected = For(plan, "ami-src").DeprecateAt;
        Assert.NotNull(expected);
        Assert.Equal(expected, For(plan, "ami-c1").DeprecateAt);
        Assert.Equal(expected, For(plan, "ami-c2").DeprecateAt);
    }

    [Fact]
    public void Plan_CopyCycle_FallsBackToOwnAgeWithoutFailing()
    {
        var a = TestImages.Image("ami-a", "web", 400).WithTags((TagNames.SourceImage, "ami-b"));
        var b = TestImages.Image("ami-b", "web", 300).WithTags((TagNames.SourceImage, "ami-a"));
        var inventory = TestInventory.Of(a, b, TestImages.Image("ami-new", "web", 1));

        var plan = PlanFor(inventory);

        Assert.All(plan.Decisions.Where(d => d.Image.ImageId != "ami-new"), d => Assert.Equal(DecisionAction.Deprecate, d.Action));
        Assert.Contains(plan.Decisions, d => d.Reasons.Any(r => r.Code == ReasonCode.OlderThanMaxAge));
    }

    [Theory]
    [InlineData(InventorySource.Instances, SourceStatus.Failed)]
    [InlineData(InventorySource.LaunchTemplates, SourceStatus.Truncated)]
    [InlineData(InventorySource.ImageReferences, SourceStatus.Failed)]
    [InlineData(InventorySource.Images, SourceStatus.Truncated)]
    public void Plan_ReferenceSourceFailed_SkipsWouldBeDeprecationsAsInventoryIncomplete(InventorySource source, SourceStatus status)
    {
        var inventory = OldAndNew().WithSource(source, status, "Throttling");

        var decision = For(PlanFor(inventory), "ami-old");

        Assert.False(decision.Acts);
        Assert.Equal([ReasonCode.InventoryIncomplete, ReasonCode.OlderThanMaxAge], Codes(decision));
        Assert.Contains($"{source} {status} (Throttling)", decision.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_OnlyLastLaunchedTimeFailed_StillDeprecates()
    {
        var inventory = OldAndNew().WithSource(InventorySource.LastLaunchedTime, SourceStatus.Failed, "500");

        Assert.Equal(DecisionAction.Deprecate, For(PlanFor(inventory), "ami-old").Action);
    }

    [Fact]
    public void Plan_SourceDisabledByOperator_CountsAsComplete()
    {
        var inventory = OldAndNew().WithSource(InventorySource.ImageReferences, SourceStatus.Disabled);

        Assert.Equal(DecisionAction.Deprecate, For(PlanFor(inventory), "ami-old").Action);
    }

    [Fact]
    public void Plan_Decisions_ComeOldestFirstWithImageIdTieBreak()
    {
        var inventory = TestInventory.Of(
            TestImages.Image("ami-c", ageDays: 5), TestImages.Image("ami-b", ageDays: 500), TestImages.Image("ami-a", ageDays: 500), TestImages.Image("ami-d", ageDays: 50));

        Assert.Equal(["ami-a", "ami-b", "ami-d", "ami-c"], PlanFor(inventory).Decisions.Select(d => d.Image.ImageId));
    }

    [Fact]
    public void Plan_FamilyPatternOverride_GroupsByPattern()
    {
        var inventory = TestInventory.Of(
            TestImages.Image("ami-1", ageDays: 400) with { Name = "team-a-web" },
            TestImages.Image("ami-2", ageDays: 1) with { Name = "team-a-api" });

        var byTeam = PlanFor(inventory, new DeprecationPolicy { FamilyPattern = "^(?<family>team-[a-z])-" });
        var byName = PlanFor(inventory);

        Assert.Equal(DecisionAction.Deprecate, For(byTeam, "ami-1").Action);
        Assert.Equal("team-a", For(byTeam, "ami-1").Family);
        Assert.Equal([ReasonCode.NewestInFamily], Codes(For(byName, "ami-1")));
    }

    [Fact]
    public void Plan_InvalidPolicy_ThrowsListingEveryError()
    {
        var policy = new DeprecationPolicy { KeepNewest = 0, DeprecateInDays = -1 };

        var ex = Assert.Throws<ArgumentException>(() => PlanFor(OldAndNew(), policy));

        Assert.Contains("KeepNewest", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DeprecateInDays", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_EmptyInventory_ReturnsEmptyPlan()
    {
        Assert.Empty(PlanFor(TestInventory.Of()).Decisions);
    }
}
