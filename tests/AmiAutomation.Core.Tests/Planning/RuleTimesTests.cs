using AmiAutomation.Core.Deprecation;
using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Planning;

/// <summary>RuleTimes solves the planners' comparisons for the time: one minute before it the planner says NotDue,
/// at it the rule fires.</summary>
public class RuleTimesTests
{
    private static readonly AmiImage Newer = TestImages.Image("ami-new", ageDays: 1);

    private static DecisionAction ExpireAt(AmiImage image, ExpiryPolicy policy, DateTimeOffset at) =>
        ExpiryPlanner.Plan(TestInventory.Of(image, Newer, TestImages.Image("ami-new2", ageDays: 2)), policy, PlanSelection.All, at)
            .Decisions.Single(d => d.Image.ImageId == image.ImageId).Action;

    [Fact]
    public void Expiry_Retention_FiresExactlyAtTheTimeGiven()
    {
        var image = TestImages.Image("ami-1", ageDays: 10);
        var policy = new ExpiryPolicy { DeprecatedForDays = null, UseExpiresAtTag = false, RetentionDays = 30, KeepNewest = 1 };

        var rule = Assert.Single(RuleTimes.Expiry(image, policy, null));

        Assert.Equal(ReasonCode.OlderThanRetention, rule.Code);
        Assert.Equal(image.CreationDate.AddDays(30), rule.At);
        Assert.Equal(DecisionAction.None, ExpireAt(image, policy, rule.At!.Value.AddMinutes(-1)));
        Assert.Equal(DecisionAction.Deregister, ExpireAt(image, policy, rule.At!.Value));
    }

    [Fact]
    public void Expiry_DeprecatedLongEnoughAndExpiresAt_FireAtTheirTimes()
    {
        var image = TestImages.Image("ami-1", ageDays: 10).DeprecatedDaysAgo(5).WithTags((TagNames.ExpiresAt, "2025-07-01T00:00:00Z"));
        var policy = new ExpiryPolicy { DeprecatedForDays = 30, UseExpiresAtTag = true, KeepNewest = 1 };

        var rules = RuleTimes.Expiry(image, policy, image.DeprecationTime);
        var earliest = RuleTimes.Earliest(rules)!.Value;

        Assert.Equal(image.DeprecationTime!.Value.AddDays(30), rules.Single(r => r.Code == ReasonCode.DeprecatedLongEnough).At);
        Assert.Equal(new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero), rules.Single(r => r.Code == ReasonCode.ExpiresAtPassed).At);
        Assert.Equal(rules.Min(r => r.At), earliest);
        Assert.Equal(DecisionAction.None, ExpireAt(image, policy, earliest.AddMinutes(-1)));
        Assert.Equal(DecisionAction.Deregister, ExpireAt(image, policy, earliest));
    }

    [Fact]
    public void Expiry_UnreadableTagOrNoDeprecation_HasNoTime()
    {
        var image = TestImages.Image("ami-1").WithTags((TagNames.ExpiresAt, "soon"));

        var rules = RuleTimes.Expiry(image, new ExpiryPolicy(), null);

        Assert.All(rules, r => Assert.Null(r.At));
        Assert.Null(RuleTimes.Earliest(rules));
    }

    [Fact]
    public void Deprecation_MaxAge_FiresExactlyAtTheTimeGiven()
    {
        var image = TestImages.Image("ami-1", ageDays: 10);
        var policy = new DeprecationPolicy { MaxAgeDays = 90, KeepNewest = 1 };
        var due = RuleTimes.Earliest(RuleTimes.Deprecation(image, policy, newerImages: 2))!.Value;
        DecisionAction At(DateTimeOffset at) => DeprecationPlanner.Plan(TestInventory.Of(image, Newer), policy, PlanSelection.All, at)
            .Decisions.Single(d => d.Image.ImageId == "ami-1").Action;

        Assert.Equal(image.CreationDate.AddDays(90), due);
        Assert.Equal(DecisionAction.None, At(due.AddMinutes(-1)));
        Assert.Equal(DecisionAction.Deprecate, At(due));
    }

    [Fact]
    public void Deprecation_SupersededByNewer_HasNoTime()
    {
        var rules = RuleTimes.Deprecation(TestImages.Image("ami-1"), new DeprecationPolicy { MaxAgeDays = null, MinNewerImages = 3 }, newerImages: 1);

        var rule = Assert.Single(rules);
        Assert.Equal(ReasonCode.SupersededByNewer, rule.Code);
        Assert.Null(rule.At);
        Assert.Contains("1 newer", rule.Detail, StringComparison.Ordinal);
    }
}
