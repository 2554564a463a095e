using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Families;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Families;

public class FamilyStandingTests
{
    private static readonly AmiImage[] Fleet =
    [
        TestImages.Image("ami-1", ageDays: 50),
        TestImages.Image("ami-2", ageDays: 40),
        TestImages.Image("ami-3", ageDays: 30, state: ImageState.Disabled),
        TestImages.Image("ami-4", ageDays: 20),
        TestImages.Image("ami-5", ageDays: 10) with { OwnerId = TestImages.OtherAccount },
        TestImages.Image("ami-6", family: "db", ageDays: 5),
    ];

    [Fact]
    public void Of_RanksOwnedAvailableImagesNewestFirst()
    {
        var standing = FamilyStanding.Of(Fleet, Fleet[0], FamilyResolver.Default, TestImages.Account);

        Assert.Equal("web", standing.Family);
        Assert.Equal(3, standing.Rank);
        Assert.Equal(["ami-4", "ami-2", "ami-1"], standing.RankedNewestFirst.Select(i => i.ImageId));
        Assert.Equal(4, standing.Keepers);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Of_DisabledOrForeignImage_IsNotRanked(int index)
    {
        var standing = FamilyStanding.Of(Fleet, Fleet[index], FamilyResolver.Default, TestImages.Account);

        Assert.Null(standing.Rank);
        Assert.False(standing.IsAmongNewest(100));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void IsAmongNewest_AgreesWithTheExpiryPlanner(int keepNewest)
    {
        var policy = new ExpiryPolicy { KeepNewest = keepNewest, RetentionDays = 1 };
        var plan = ExpiryPlanner.Plan(TestInventory.Of(Fleet), policy, PlanSelection.All, TestImages.Now);

        foreach (var decision in plan.Decisions)
        {
            var standing = FamilyStanding.Of(Fleet, decision.Image, policy.CreateFamilyResolver(), TestImages.Account);
            Assert.Equal(decision.Reasons.Any(r => r.Code == ReasonCode.NewestInFamily), standing.IsAmongNewest(keepNewest));
        }
    }
}
