using AmiAutomation.Core.Policies;

namespace AmiAutomation.Core.Tests.Policies;

public class ExpiryPolicyTests
{
    [Fact]
    public void Defaults_AreValidAndDocumented()
    {
        var policy = new ExpiryPolicy();

        Assert.True(policy.Validate().IsValid);
        Assert.Equal(30, policy.DeprecatedForDays);
        Assert.True(policy.UseExpiresAtTag);
        Assert.Null(policy.RetentionDays);
        Assert.Equal(3, policy.KeepNewest);
        Assert.Equal(30, policy.RecentLaunchDays);
        Assert.Equal(10, policy.MaxDeregistrationsPerRun);
        Assert.False(policy.AllowPublic);
        Assert.False(policy.AllowInstanceStore);
        Assert.False(policy.IncludeDataLifecycleManagerImages);
        Assert.False(policy.IncludeImageBuilderImages);
        Assert.Null(policy.FamilyPattern);
    }

    public static TheoryData<string, ExpiryPolicy, string> InvalidPolicies => new()
    {
        { "deprecated for 0", new ExpiryPolicy { DeprecatedForDays = 0 }, "ExpiryPolicy.DeprecatedForDays must be between 1 and 36500 days, or null to turn the rule off (was 0)." },
        { "retention 0", new ExpiryPolicy { RetentionDays = 0 }, "ExpiryPolicy.RetentionDays must be between 1 and 36500 days, or null to turn the rule off (was 0)." },
        { "retention too big", new ExpiryPolicy { RetentionDays = 40_000 }, "ExpiryPolicy.RetentionDays must be between 1 and 36500 days, or null to turn the rule off (was 40000)." },
        { "keep 0", new ExpiryPolicy { KeepNewest = 0 }, "ExpiryPolicy.KeepNewest must be between 1 and 1000 images (was 0)." },
        { "launch window 0", new ExpiryPolicy { RecentLaunchDays = 0 }, "ExpiryPolicy.RecentLaunchDays must be between 1 and 36500 days (LastLaunchedTime lags up to 24 h) (was 0)." },
        { "cap 0", new ExpiryPolicy { MaxDeregistrationsPerRun = 0 }, "ExpiryPolicy.MaxDeregistrationsPerRun must be between 1 and 1000 images (was 0)." },
        { "cap too big", new ExpiryPolicy { MaxDeregistrationsPerRun = 1001 }, "ExpiryPolicy.MaxDeregistrationsPerRun must be between 1 and 1000 images (was 1001)." },
        { "no rule", new ExpiryPolicy { DeprecatedForDays = null, RetentionDays = null, UseExpiresAtTag = false }, "ExpiryPolicy has no rule: set DeprecatedForDays or RetentionDays, or turn on UseExpiresAtTag (all were off)." },
    };

    [Theory]
    [MemberData(nameof(InvalidPolicies))]
    public void Validate_BadField_ReportsFieldAndValue(string scenario, ExpiryPolicy policy, string expected)
    {
        var validation = policy.Validate();

        Assert.False(validation.IsValid, scenario);
        Assert.Equal([expected], validation.Errors);
    }

    [Fact]
    public void Validate_InvalidPattern_ReportsPattern()
    {
        var error = Assert.Single(new ExpiryPolicy { FamilyPattern = "[" }.Validate().Errors);

        Assert.StartsWith("ExpiryPolicy.FamilyPattern is not a valid regular expression (was '[')", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralBadFields_ReportsEveryError()
    {
        var policy = new ExpiryPolicy { KeepNewest = -1, RecentLaunchDays = 0, MaxDeregistrationsPerRun = 0, DeprecatedForDays = 0, FamilyPattern = "(" };

        Assert.Equal(5, policy.Validate().Errors.Count);
    }

    [Fact]
    public void Validate_OnlyExpiresAtTag_IsValid()
    {
        Assert.True(new ExpiryPolicy { DeprecatedForDays = null, RetentionDays = null, UseExpiresAtTag = true }.Validate().IsValid);
    }

    [Fact]
    public void ToProtectionOptions_Expiry_CarriesOptInsAndLaunchWindow()
    {
        var options = new ExpiryPolicy { AllowPublic = true, IncludeDataLifecycleManagerImages = true, RecentLaunchDays = 7 }.ToProtectionOptions();

        Assert.True(options.AllowPublic);
        Assert.False(options.AllowInstanceStore);
        Assert.True(options.IncludeDataLifecycleManagerImages);
        Assert.False(options.IncludeImageBuilderImages);
        Assert.Equal(TimeSpan.FromDays(7), options.RecentLaunchWindow);
    }
}
