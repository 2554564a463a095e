using AmiAutomation.Core.Restore;
using AmiAutomation.Functions.Restore;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Functions.Tests.Restore;

public sealed class RestoreSettingsTests
{
    private static RestoreSettings Read(params (string Name, string Value)[] variables) =>
        RestoreSettings.Read(new DictionaryEnvironmentVariables(variables.ToDictionary(v => v.Name, v => v.Value)));

    [Fact]
    public void Read_Nothing_GivesTheDocumentedDefaults()
    {
        var settings = Read();

        Assert.True(settings.Common.DryRun);
        Assert.Equal(TimeSpan.FromDays(14), settings.Policy.Hold);
        Assert.False(settings.Policy.AllowPublic);
        Assert.Equal(RestoreDeprecationMode.Ledger, settings.Policy.Deprecation);
        Assert.Equal(TimeSpan.FromSeconds(15), settings.PollInterval);
        Assert.Null(settings.Families.Pattern);
    }

    [Fact]
    public void Read_Values_AreHonoured()
    {
        var settings = Read(
            (RestoreSettings.HoldDaysVariable, "30"),
            (RestoreSettings.AllowPublicVariable, "true"),
            (RestoreSettings.DeprecationVariable, "Clear"),
            (RestoreSettings.PollIntervalVariable, "5s"),
            (RestoreSettings.FamilyPatternVariable, "^(?<family>[a-z]+)-"));

        Assert.Equal(TimeSpan.FromDays(30), settings.Policy.Hold);
        Assert.True(settings.Policy.AllowPublic);
        Assert.Equal(RestoreDeprecationMode.Clear, settings.Policy.Deprecation);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.PollInterval);
        Assert.Equal("web", settings.Families.FromName("web-2026"));
    }

    [Fact]
    public void Read_BadValues_ReportsEveryOne()
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(
            (RestoreSettings.HoldDaysVariable, "0"),
            (RestoreSettings.AllowPublicVariable, "maybe"),
            (RestoreSettings.DeprecationVariable, "forever"),
            (RestoreSettings.PollIntervalVariable, "1h"),
            (RestoreSettings.FamilyPatternVariable, "(unclosed")));

        Assert.Equal(5, error.Errors.Count);
        Assert.Contains(error.Errors, e => e.Contains(RestoreSettings.HoldDaysVariable, StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains(RestoreSettings.AllowPublicVariable, StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains(RestoreSettings.DeprecationVariable, StringComparison.Ordinal) && e.Contains("Ledger, Keep, Clear", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains(RestoreSettings.PollIntervalVariable, StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains(RestoreSettings.FamilyPatternVariable, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:stack-restore", "123456789012")]
    [InlineData("arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f:live", "123456789012")]
    [InlineData("not-an-arn", null)]
    [InlineData(null, null)]
    public void AccountIdFromArn_FunctionArn_GivesTheAccount(string? arn, string? expected) =>
        Assert.Equal(expected, RestoreFunction.AccountIdFromArn(arn));
}
