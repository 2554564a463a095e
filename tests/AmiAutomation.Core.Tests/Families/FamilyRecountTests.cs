using AmiAutomation.Core.Families;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Tagging;
using static AmiAutomation.Core.Tests.Support.TestImages;

namespace AmiAutomation.Core.Tests.Families;

public sealed class FamilyRecountTests
{
    private static readonly FamilyKeepRule KeepOne = new(FamilyResolver.Default, 1);

    [Fact]
    public void Check_OtherKeeperStillExists_MayGo()
    {
        var old = Image("ami-1", ageDays: 300);

        Assert.Null(FamilyRecount.Check(old, "web", [old, Image("ami-2", ageDays: 10)], KeepOne, Account));
    }

    [Fact]
    public void Check_OtherMemberRemovedMeanwhile_LastOfFamily()
    {
        var old = Image("ami-1", ageDays: 300, state: ImageState.Disabled);

        var reason = FamilyRecount.Check(old, "web", [old], KeepOne, Account);

        Assert.Equal(ReasonCode.LastOfFamily, reason?.Code);
    }

    [Fact]
    public void Check_NewerImagesRemovedMeanwhile_NowAmongNewestK()
    {
        var old = Image("ami-1", ageDays: 300);
        var rule = KeepOne with { KeepNewest = 2 };

        var reason = FamilyRecount.Check(old, "web", [old, Image("ami-2", ageDays: 200)], rule, Account);

        Assert.Equal(ReasonCode.NewestInFamily, reason?.Code);
    }

    [Fact]
    public void Check_OnlyOtherFamiliesAndForeignOrFailedImagesRemain_LastOfFamily()
    {
        var old = Image("ami-1", ageDays: 300, state: ImageState.Disabled);
        var current = new[]
        {
            old,
            Image("ami-2", family: "db", ageDays: 10),
            Image("ami-3", ageDays: 10) with { OwnerId = OtherAccount },
            Image("ami-4", ageDays: 10, state: ImageState.Failed),
        };

        Assert.Equal(ReasonCode.LastOfFamily, FamilyRecount.Check(old, "web", current, KeepOne, Account)?.Code);
    }

    [Fact]
    public void Check_TaggedMemberWithAnotherName_Counts()
    {
        var old = Image("ami-1", ageDays: 300, state: ImageState.Disabled);
        var tagged = Image("ami-2", family: "renamed", ageDays: 10).WithTags((TagNames.Family, "web"));

        Assert.Null(FamilyRecount.Check(old, "web", [old, tagged], KeepOne, Account));
    }

    [Fact]
    public void Check_CandidateRetaggedToAnotherFamily_Refused()
    {
        var old = Image("ami-1", ageDays: 300).WithTags((TagNames.Family, "db"));

        Assert.NotNull(FamilyRecount.Check(old, "web", [old, Image("ami-2", ageDays: 10)], KeepOne, Account));
    }
}
