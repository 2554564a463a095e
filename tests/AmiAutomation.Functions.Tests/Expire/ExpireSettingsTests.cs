using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Functions.Tests.Expire;

public sealed class ExpireSettingsTests
{
    private static ExpireSettings Read(params (string Key, string Value)[] values) =>
        ExpireSettings.Read(new DictionaryEnvironmentVariables(values.ToDictionary(v => v.Key, v => v.Value)));

    [Fact]
    public void Read_OnlyTable_SafeDefaults()
    {
        var settings = Read((CommonSettings.LedgerTableNameVariable, "ledger"));

        Assert.True(settings.Common.DryRun);
        Assert.Equal("ledger", settings.LedgerTableName);
        Assert.Equal(30, settings.Policy.DeprecatedForDays);
        Assert.True(settings.Policy.UseExpiresAtTag);
        Assert.Null(settings.Policy.RetentionDays);
        Assert.Equal(3, settings.Policy.KeepNewest);
        Assert.Equal(30, settings.Policy.RecentLaunchDays);
        Assert.Equal(10, settings.Policy.MaxDeregistrationsPerRun);
        Assert.False(settings.Policy.AllowPublic);
        Assert.False(settings.Policy.AllowInstanceStore);
        Assert.True(settings.RequireRecycleBin);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.RecycleBinCheck);
        Assert.Equal(TimeSpan.FromDays(30), settings.ImageRetention);
        Assert.Equal(0.05, settings.SnapshotPricePerGiBMonth);
        Assert.Equal(50, settings.Common.MaxDestructiveActionsPerRun);
    }

    [Fact]
    public void Read_EverythingSet_MapsOntoPolicyAndSafety()
    {
        var settings = Read(
            (CommonSettings.LedgerTableNameVariable, "ledger"),
            (ExpireSettings.ExpireAfterDeprecatedDaysVariable, "off"),
            (ExpireSettings.UseExpiresAtTagVariable, "false"),
            (ExpireSettings.ExpireOlderThanDaysVariable, "180"),
            (ExpireSettings.KeepNewestVariable, "5"),
            (ExpireSettings.UnusedForDaysVariable, "60"),
            (ExpireSettings.AllowPublicVariable, "true"),
            (ExpireSettings.AllowInstanceStoreVariable, "yes"),
            (ExpireSettings.MaxDeregistrationsPerRunVariable, "25"),
            (ExpireSettings.RequireRecycleBinVariable, "false"),
            (ExpireSettings.RecycleBinCheckSecondsVariable, "90"),
            (ExpireSettings.ImageRetentionDaysVariable, "14"),
            (ExpireSettings.SnapshotPricePerGiBMonthVariable, "0.0125"),
            (ManagedByOptions.Variable, "imagebuilder"));

        Assert.Null(settings.Policy.DeprecatedForDays);
        Assert.False(settings.Policy.UseExpiresAtTag);
        Assert.Equal(180, settings.Policy.RetentionDays);
        Assert.Equal(5, settings.Policy.KeepNewest);
        Assert.Equal(60, settings.Policy.RecentLaunchDays);
        Assert.True(settings.Policy.AllowPublic);
        Assert.True(settings.Policy.AllowInstanceStore);
        Assert.Equal(25, settings.Policy.MaxDeregistrationsPerRun);
        Assert.True(settings.Policy.IncludeImageBuilderImages);
        Assert.False(settings.RequireRecycleBin);
        Assert.Equal(TimeSpan.FromSeconds(90), settings.RecycleBinCheck);
        Assert.Equal(TimeSpan.FromDays(14), settings.ImageRetention);
        Assert.Equal(0.0125, settings.SnapshotPricePerGiBMonth);
    }

    [Fact]
    public void Read_EveryVariableBad_AllNamed()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Read(
            (ExpireSettings.ExpireAfterDeprecatedDaysVariable, "-3"),
            (ExpireSettings.ExpireOlderThanDaysVariable, "ninety"),
            (ExpireSettings.KeepNewestVariable, "0"),
            (ExpireSettings.UnusedForDaysVariable, "0"),
            (ExpireSettings.AllowPublicVariable, "perhaps"),
            (ExpireSettings.MaxDeregistrationsPerRunVariable, "5000"),
            (ExpireSettings.RequireRecycleBinVariable, "2"),
            (ExpireSettings.RecycleBinCheckSecondsVariable, "0"),
            (ExpireSettings.ImageRetentionDaysVariable, "400"),
            (ExpireSettings.SnapshotPricePerGiBMonthVariable, "cheap")));

        foreach (var variable in new[]
        {
            "EXPIRE_AFTER_DEPRECATED_DAYS=-3", "EXPIRE_OLDER_THAN_DAYS='ninety'", "EXPIRE_KEEP_NEWEST=0", "EXPIRE_UNUSED_FOR_DAYS=0",
            "EXPIRE_ALLOW_PUBLIC='perhaps'", "MAX_DEREGISTRATIONS_PER_RUN=5000", "REQUIRE_RECYCLE_BIN='2'", "RECYCLE_BIN_CHECK_SECONDS=0",
            "IMAGE_RETENTION_DAYS=400", "SNAPSHOT_PRICE_PER_GIB_MONTH='cheap'", "LEDGER_TABLE_NAME is required",
        })
        {
            Assert.Contains(ex.Errors, e => e.Contains(variable, StringComparison.Ordinal));
        }

        Assert.Equal(11, ex.Errors.Count);
    }

    [Fact]
    public void Read_NoRuleLeft_Rejected()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Read(
            (CommonSettings.LedgerTableNameVariable, "ledger"),
            (ExpireSettings.ExpireAfterDeprecatedDaysVariable, "off"),
            (ExpireSettings.UseExpiresAtTagVariable, "false")));

        Assert.Contains("needs at least one rule", Assert.Single(ex.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("always")]
    [InlineData("when unused")]
    public void Read_SharedImagesInvalid_ErrorNamesTheVariableValueAndChoices(string value)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Read(
            (CommonSettings.LedgerTableNameVariable, "ledger"), (ExpireSettings.ExpireSharedImagesVariable, value)));

        Assert.Contains($"{ExpireSettings.ExpireSharedImagesVariable}='{value}' is invalid", ex.Message, StringComparison.Ordinal);
        Assert.Contains("never or when-unused", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SharedImagesAnyCase_Accepted()
    {
        Assert.Equal(Core.Protection.SharedImageRule.KeepUnlessUnused, Read(
            (CommonSettings.LedgerTableNameVariable, "ledger"), (ExpireSettings.ExpireSharedImagesVariable, "When-Unused")).Policy.SharedImages);
    }
}
