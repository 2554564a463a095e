using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Deprecate;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Functions.Tests.Deprecate;

public sealed class DeprecateSettingsTests
{
    private static DeprecateSettings Read(params (string Key, string Value)[] values) =>
        DeprecateSettings.Read(new DictionaryEnvironmentVariables(values.ToDictionary(v => v.Key, v => v.Value)));

    [Fact]
    public void Read_NothingSet_PolicyDefaultsAndDryRun()
    {
        var settings = Read();

        Assert.True(settings.Common.DryRun);
        Assert.Equal(90, settings.Policy.MaxAgeDays);
        Assert.Null(settings.Policy.MinNewerImages);
        Assert.Equal(1, settings.Policy.KeepNewest);
        Assert.Equal(0, settings.Policy.DeprecateInDays);
        Assert.False(settings.Policy.AllowMovingExistingDeprecation);
        Assert.False(settings.Policy.IncludeDataLifecycleManagerImages);
        Assert.False(settings.Policy.IncludeImageBuilderImages);
        Assert.Null(settings.Policy.FamilyPattern);
    }

    [Fact]
    public void Read_EverythingSet_MapsOntoThePolicy()
    {
        var settings = Read(
            (DeprecateSettings.DeprecateAfterDaysVariable, "off"),
            (DeprecateSettings.DeprecateWhenNewerCountVariable, "3"),
            (DeprecateSettings.KeepNewestVariable, "2"),
            (DeprecateSettings.DeprecationDelayDaysVariable, "14"),
            (DeprecateSettings.AllowMovingManualDeprecationVariable, "true"),
            (ManagedByOptions.Variable, "dlm, ImageBuilder"),
            (DeprecateSettings.FamilyPatternVariable, "^(?<family>[a-z]+)-"));

        Assert.Null(settings.Policy.MaxAgeDays);
        Assert.Equal(3, settings.Policy.MinNewerImages);
        Assert.Equal(2, settings.Policy.KeepNewest);
        Assert.Equal(14, settings.Policy.DeprecateInDays);
        Assert.True(settings.Policy.AllowMovingExistingDeprecation);
        Assert.True(settings.Policy.IncludeDataLifecycleManagerImages);
        Assert.True(settings.Policy.IncludeImageBuilderImages);
        Assert.Equal("^(?<family>[a-z]+)-", settings.Policy.FamilyPattern);
    }

    [Fact]
    public void Read_EveryVariableBad_OneExceptionNamingEachVariableAndValue()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Read(
            (CommonSettings.DryRunVariable, "sometimes"),
            (DeprecateSettings.DeprecateAfterDaysVariable, "-5"),
            (DeprecateSettings.DeprecateWhenNewerCountVariable, "many"),
            (DeprecateSettings.KeepNewestVariable, "0"),
            (DeprecateSettings.DeprecationDelayDaysVariable, "4000"),
            (DeprecateSettings.AllowMovingManualDeprecationVariable, "maybe"),
            (ManagedByOptions.Variable, "dlm,backup,chef"),
            (DeprecateSettings.FamilyPatternVariable, "([unclosed")));

        Assert.Equal(9, ex.Errors.Count);
        Assert.Contains(ex.Errors, e => e.Contains("DRY_RUN='sometimes'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("DEPRECATE_AFTER_DAYS=-5", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("DEPRECATE_WHEN_NEWER_COUNT='many'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("KEEP_NEWEST=0", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("DEPRECATION_DELAY_DAYS=4000", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("ALLOW_MOVING_MANUAL_DEPRECATION='maybe'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("'backup'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("'chef'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("FAMILY_PATTERN", StringComparison.Ordinal) && e.Contains("([unclosed", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_BothRulesOff_Rejected()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Read(
            (DeprecateSettings.DeprecateAfterDaysVariable, "0"),
            (DeprecateSettings.DeprecateWhenNewerCountVariable, "none")));

        Assert.Contains("needs at least one rule", Assert.Single(ex.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BadEnvironment_FailsAtConstructionNotAtInvocation()
    {
        var harness = new Common.SweepHarness();
        harness.Environment[DeprecateSettings.KeepNewestVariable] = "-1";

        var ex = Assert.Throws<ConfigurationException>(harness.Deprecate);

        Assert.Contains("KEEP_NEWEST=-1", ex.Message, StringComparison.Ordinal);
    }
}
