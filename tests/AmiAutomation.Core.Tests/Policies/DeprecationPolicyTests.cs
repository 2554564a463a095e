using AmiAutomation.Core.Families;
using AmiAutomation.Core.Policies;

namespace AmiAutomation.Core.Tests.Policies;

public class DeprecationPolicyTests
{
    [Fact]
    public void Defaults_AreValidAndDocumented()
    {
        var policy = new DeprecationPolicy();

        Assert.True(policy.Validate().IsValid);
        Assert.Equal(90, policy.MaxAgeDays);
        Assert.Null(policy.MinNewerImages);
        Assert.Equal(1, policy.KeepNewest);
        Assert.Equal(0, policy.DeprecateInDays);
        Assert.False(policy.AllowMovingExistingDeprecation);
        Assert.False(policy.IncludeDataLifecycleManagerImages);
        Assert.False(policy.IncludeImageBuilderImages);
        Assert.Null(policy.FamilyPattern);
    }

    public static TheoryData<string, DeprecationPolicy, string> InvalidPolicies => new()
    {
        { "max age 0", new DeprecationPolicy { MaxAgeDays = 0 }, "DeprecationPolicy.MaxAgeDays must be between 1 and 36500 days, or null to turn the rule off (was 0)." },
        { "max age too big", new DeprecationPolicy { MaxAgeDays = 36_501 }, "DeprecationPolicy.MaxAgeDays must be between 1 and 36500 days, or null to turn the rule off (was 36501)." },
        { "newer 0", new DeprecationPolicy { MinNewerImages = 0 }, "DeprecationPolicy.MinNewerImages must be between 1 and 1000 images, or null to turn the rule off (was 0)." },
        { "keep 0", new DeprecationPolicy { KeepNewest = 0 }, "DeprecationPolicy.KeepNewest must be between 1 and 1000 images (was 0)." },
        { "keep too many", new DeprecationPolicy { KeepNewest = 1001 }, "DeprecationPolicy.KeepNewest must be between 1 and 1000 images (was 1001)." },
        { "deprecate in -1", new DeprecationPolicy { DeprecateInDays = -1 }, "DeprecationPolicy.DeprecateInDays must be between 0 and 3650 days (was -1)." },
        { "deprecate in 11 years", new DeprecationPolicy { DeprecateInDays = 4000 }, "DeprecationPolicy.DeprecateInDays must be between 0 and 3650 days (was 4000)." },
        { "no rule", new DeprecationPolicy { MaxAgeDays = null, MinNewerImages = null }, "DeprecationPolicy has no rule: set MaxAgeDays or MinNewerImages (both were null)." },
        { "blank pattern", new DeprecationPolicy { FamilyPattern = " " }, "DeprecationPolicy.FamilyPattern must be a regular expression or null for the default family rule (was ' ')." },
    };

    [Theory]
    [MemberData(nameof(InvalidPolicies))]
    public void Validate_BadField_ReportsFieldAndValue(string scenario, DeprecationPolicy policy, string expected)
    {
        var validation = policy.Validate();

        Assert.False(validation.IsValid, scenario);
        Assert.Equal([expected], validation.Errors);
    }

    [Fact]
    public void Validate_InvalidPattern_ReportsPatternAndParserMessage()
    {
        var error = Assert.Single(new DeprecationPolicy { FamilyPattern = "web-(" }.Validate().Errors);

        Assert.StartsWith("DeprecationPolicy.FamilyPattern is not a valid regular expression (was 'web-(')", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralBadFields_ReportsEveryError()
    {
        var policy = new DeprecationPolicy { MaxAgeDays = null, MinNewerImages = null, KeepNewest = 0, DeprecateInDays = -5, FamilyPattern = "(" };

        var errors = policy.Validate().Errors;

        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.Contains("KeepNewest", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("DeprecateInDays", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("FamilyPattern", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("has no rule", StringComparison.Ordinal));
    }

    [Fact]
    public void ToProtectionOptions_Deprecation_AllowsPublicAndInstanceStoreWithoutLaunchWindow()
    {
        var options = new DeprecationPolicy { IncludeImageBuilderImages = true }.ToProtectionOptions();

        Assert.True(options.AllowPublic);
        Assert.True(options.AllowInstanceStore);
        Assert.Null(options.RecentLaunchWindow);
        Assert.True(options.IncludeImageBuilderImages);
        Assert.False(options.IncludeDataLifecycleManagerImages);
    }

    [Fact]
    public void CreateFamilyResolver_NoPattern_ReturnsDefault()
    {
        Assert.Same(FamilyResolver.Default, new DeprecationPolicy().CreateFamilyResolver());
        Assert.Equal("x", new DeprecationPolicy { FamilyPattern = "^(?<family>x)" }.CreateFamilyResolver().FromName("xyz"));
    }
}
