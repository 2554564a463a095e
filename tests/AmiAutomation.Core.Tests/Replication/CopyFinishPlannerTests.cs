using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Replication;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Core.Tests.Support;
using static AmiAutomation.Core.Tests.Replication.ReplicationTestData;

namespace AmiAutomation.Core.Tests.Replication;

public class CopyFinishPlannerTests
{
    private static readonly DateTimeOffset Now = TestImages.Now;
    private static readonly LaunchPermission Account = new(LaunchPermissionKind.Account, "444455556666");
    private static readonly LaunchPermission Org = new(LaunchPermissionKind.Organization, "arn:aws:organizations::111122223333:organization/o-abc");
    private static readonly LaunchPermission Ou = new(LaunchPermissionKind.OrganizationalUnit, "arn:aws:organizations::111122223333:ou/o-abc/ou-xyz");

    private static (AmiImage Source, AmiImage Copy) Pair(DateTimeOffset? deprecation = null)
    {
        var source = Source() with { DeprecationTime = deprecation };
        return (source, CopyOf(source, "us-east-1", "ami-00000000000000c01"));
    }

    [Fact]
    public void Plan_SharedSource_AddsAccountsOrganisationsAndOus()
    {
        var (source, copy) = Pair();

        var plan = CopyFinishPlanner.Plan(copy, "web", source, [Account, Org, Ou], new CopyPolicy(), Now);

        Assert.Equal(DecisionAction.FinishCopy, plan.Decision.Action);
        Assert.Equal([Account, Org, Ou], plan.PermissionsToAdd);
        Assert.False(plan.PublicWithheld);
    }

    [Fact]
    public void Plan_PublicSource_CopyStaysPrivateByDefault()
    {
        var (source, copy) = Pair();
        source = source with { IsPublic = true };

        var plan = CopyFinishPlanner.Plan(copy, "web", source, [LaunchPermission.Public, Account], new CopyPolicy(), Now);

        Assert.Equal([Account], plan.PermissionsToAdd);
        Assert.True(plan.PublicWithheld);
        Assert.Contains(plan.Decision.Reasons, r => r.Code == ReasonCode.PublicImage);
    }

    [Fact]
    public void Plan_PublicSourceAllowed_CopyMadePublicAndDeprecationWithinTwoYears()
    {
        var (source, copy) = Pair(Now.AddYears(5));
        source = source with { IsPublic = true };

        var plan = CopyFinishPlanner.Plan(copy, "web", source, [LaunchPermission.Public], new CopyPolicy { AllowPublic = true }, Now);

        Assert.Contains(LaunchPermission.Public, plan.PermissionsToAdd);
        Assert.Equal(copy.CreationDate + CopyFinishPlanner.MaxPublicDeprecationAfterCreation, plan.DeprecateAt);
        Assert.Contains(plan.Decision.Reasons, r => r.Code == ReasonCode.DeprecationClamped);
    }

    [Fact]
    public void Plan_SourceDeprecated_CopyGetsTheSameTime()
    {
        var at = Now.AddDays(30);
        var (source, copy) = Pair(at);

        var plan = CopyFinishPlanner.Plan(copy, "web", source, [], new CopyPolicy(), Now);

        Assert.Equal(at, plan.DeprecateAt);
    }

    [Fact]
    public void Plan_SourceDeprecatedInThePast_ClampedToNextWholeMinute()
    {
        var (source, copy) = Pair(Now.AddDays(-3));

        var plan = CopyFinishPlanner.Plan(copy, "web", source, [], new CopyPolicy(), Now);

        // Now is 12:00:30: one minute later is 12:01:30, rounded up to 12:02:00.
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 12, 2, 0, TimeSpan.Zero), plan.DeprecateAt);
        Assert.Contains(plan.Decision.Reasons, r => r.Code == ReasonCode.DeprecationClamped);
    }

    [Fact]
    public void Plan_SourceDeprecationBeyondTenYears_Clamped()
    {
        var (source, copy) = Pair(Now.AddYears(20));

        var plan = CopyFinishPlanner.Plan(copy, "web", source, [], new CopyPolicy(), Now);

        Assert.Equal(Now + CopyFinishPlanner.MaxDeprecationAhead, plan.DeprecateAt);
    }

    [Fact]
    public void Plan_CopyAlreadyDeprecatedEarlier_LeftAlone()
    {
        var (source, copy) = Pair(Now.AddDays(30));
        copy = copy with { DeprecationTime = Now.AddDays(10) };

        var plan = CopyFinishPlanner.Plan(copy, "web", source, [], new CopyPolicy(), Now);

        Assert.Null(plan.DeprecateAt);
        Assert.Contains(plan.Decision.Reasons, r => r.Code == ReasonCode.AlreadyDeprecatedEarlier);
        Assert.True(plan.Acts);
    }

    [Fact]
    public void Plan_SourceNotDeprecated_DeprecationUnchanged()
    {
        var (source, copy) = Pair();

        Assert.Null(CopyFinishPlanner.Plan(copy, "web", source, [], new CopyPolicy(), Now).DeprecateAt);
    }

    [Fact]
    public void Plan_SourceGone_FinishesWithNothingCarriedOver()
    {
        var (_, copy) = Pair();

        var plan = CopyFinishPlanner.Plan(copy, "web", null, null, new CopyPolicy(), Now);

        Assert.True(plan.Acts);
        Assert.Empty(plan.PermissionsToAdd);
        Assert.Null(plan.DeprecateAt);
        Assert.Contains("no longer exists", plan.Decision.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ImageState.Pending, ReasonCode.CopyPending)]
    [InlineData(ImageState.Failed, ReasonCode.CopyFailed)]
    [InlineData(ImageState.Disabled, ReasonCode.NotAvailable)]
    public void Plan_CopyNotAvailable_Skipped(ImageState state, ReasonCode reason)
    {
        var (source, copy) = Pair();

        var plan = CopyFinishPlanner.Plan(copy with { State = state }, "web", source, [Account], new CopyPolicy(), Now);

        Assert.False(plan.Acts);
        Assert.Equal(reason, plan.Decision.PrimaryReason);
    }

    [Fact]
    public void Plan_AlreadyFinished_Skipped()
    {
        var (source, copy) = Pair();

        var plan = CopyFinishPlanner.Plan(copy.WithTags((TagNames.CopyFinishedAt, "2025-06-01T11:00:00Z")), "web", source, [Account], new CopyPolicy(), Now);

        Assert.False(plan.Acts);
        Assert.Equal(ReasonCode.AlreadyCopied, plan.Decision.PrimaryReason);
    }

    [Fact]
    public void NeedsFinishing_OnlyOurAvailableUnfinishedCopies()
    {
        var (source, copy) = Pair();

        Assert.True(CopyFinishPlanner.NeedsFinishing(copy));
        Assert.False(CopyFinishPlanner.NeedsFinishing(source));
        Assert.False(CopyFinishPlanner.NeedsFinishing(copy with { State = ImageState.Pending }));
        Assert.False(CopyFinishPlanner.NeedsFinishing(copy.WithTags((TagNames.CopyFinishedAt, "2025-06-01T11:00:00Z"))));
        Assert.False(CopyFinishPlanner.NeedsFinishing(source with { SourceImageId = "ami-0000000000000ffff" }));
    }

    [Fact]
    public void Plan_SourceGone_RecordedStateCarriedOver_PublicStillWithheld()
    {
        var deprecation = Now.AddDays(20);
        var (source, copy) = Pair(deprecation);
        copy = copy.WithTags([.. CopyRecord.Tags(source, [Account, LaunchPermission.Public, Org]).Select(t => (t.Key, t.Value))]);

        var plan = CopyFinishPlanner.Plan(copy, "web", null, null, new CopyPolicy(), Now);

        Assert.True(plan.Acts);
        Assert.Equal([Account, Org], plan.PermissionsToAdd);
        Assert.True(plan.PublicWithheld);
        Assert.Equal(deprecation, plan.Deprecation!.Wanted);
        Assert.Equal(deprecation, plan.DeprecateAt);
        Assert.Null(plan.Warning);
        Assert.Contains("recorded when the copy started", plan.Decision.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SourceGone_RecordIncomplete_CarriesWhatItHas_Warns()
    {
        var (source, copy) = Pair();
        copy = copy.WithTags((CopyRecord.Key, "deprecate=none shares=3"), (CopyRecord.SharesKeyPrefix + "1", Account.Value));

        var plan = CopyFinishPlanner.Plan(copy, "web", null, null, new CopyPolicy(), Now);

        Assert.Equal([Account], plan.PermissionsToAdd);
        Assert.Contains("1 of the source's 3", plan.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SourceGoneNoRecord_NothingInvented_EvenWithPublicAllowed_Warns()
    {
        var (_, copy) = Pair();

        var plan = CopyFinishPlanner.Plan(copy, "web", null, null, new CopyPolicy { AllowPublic = true }, Now);

        Assert.True(plan.Acts);
        Assert.Empty(plan.PermissionsToAdd);
        Assert.Null(plan.Deprecation);
        Assert.Contains("nothing was recorded", plan.Warning, StringComparison.Ordinal);
        Assert.Contains("private", plan.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SourceStillThere_LiveStateWinsOverTheRecord()
    {
        var (source, copy) = Pair(Now.AddDays(5));
        copy = copy.WithTags([.. CopyRecord.Tags(source with { DeprecationTime = null }, [Account]).Select(t => (t.Key, t.Value))]);

        var plan = CopyFinishPlanner.Plan(copy, "web", source, [Org], new CopyPolicy(), Now);

        Assert.Equal([Org], plan.PermissionsToAdd);
        Assert.Equal(Now.AddDays(5), plan.Deprecation!.Wanted);
    }

    [Fact]
    public void Plan_CopyWithAllFiftyTags_RemovesTheLastInheritedToFitTheFinishMark()
    {
        var (source, copy) = Pair();
        copy = copy.WithTags([.. Enumerable.Range(0, 47).Select(i => (string.Create(System.Globalization.CultureInfo.InvariantCulture, $"tag-{i:00}"), "v"))]);

        var plan = CopyFinishPlanner.Plan(copy, "web", source, [], new CopyPolicy(), Now);

        Assert.Equal(["tag-46"], plan.TagsToRemove);
        Assert.Contains(plan.Decision.Reasons, r => r.Detail.Contains("no room", StringComparison.Ordinal));
    }

    [Fact]
    public void Deprecation_PastSourceTime_WorkedOutFromTheCallTime()
    {
        var (source, copy) = Pair(Now.AddDays(-2));
        var plan = CopyFinishPlanner.Plan(copy, "web", source, [], new CopyPolicy(), Now);

        var later = Now.AddMinutes(30);

        Assert.True(plan.DeprecateAt < later);
        Assert.Equal(AmiAutomation.Core.Deprecation.DeprecationLimits.Earliest(later), plan.Deprecation!.At(later));
    }

    [Fact]
    public void Deprecation_CopyAlreadyDeprecatedEarlier_LeftAlone()
    {
        var deprecation = new CopyDeprecation(Now.AddDays(10), null, Now.AddDays(3));

        Assert.Null(deprecation.At(Now));
    }

    [Fact]
    public void Deprecation_PublicCopy_NoLaterThanTwoYearsAfterCreation_TenYearsAtMost()
    {
        var created = Now.AddDays(-10);
        Assert.Equal(created.AddDays(730), new CopyDeprecation(Now.AddYears(5), created.AddDays(730), null).At(Now));
        Assert.Equal(Now + CopyFinishPlanner.MaxDeprecationAhead, new CopyDeprecation(Now.AddYears(50), null, null).At(Now));
    }
}
