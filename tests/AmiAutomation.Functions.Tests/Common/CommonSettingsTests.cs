using AmiAutomation.Core.Inventory;
using AmiAutomation.Functions.Common;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Functions.Tests.Common;

public sealed class CommonSettingsTests
{
    private static (CommonSettings Settings, SettingsReader Reader) Read(params (string Key, string Value)[] values)
    {
        var reader = new SettingsReader(new DictionaryEnvironmentVariables(values.ToDictionary(v => v.Key, v => v.Value)));
        return (CommonSettings.Read(reader), reader);
    }

    [Fact]
    public void Read_NothingSet_SafeDefaults()
    {
        var (settings, reader) = Read();

        Assert.True(reader.IsValid);
        Assert.True(settings.DryRun);
        Assert.Null(settings.AccountId);
        Assert.Empty(settings.DisabledSources);
        Assert.Equal(Enum.GetValues<InventorySource>().ToHashSet(), settings.RequiredSources);
        Assert.Equal(CommonSettings.DefaultMaxDestructiveActionsPerRun, settings.MaxDestructiveActionsPerRun);
        Assert.Null(settings.LedgerTableName);
    }

    [Fact]
    public void Read_AllSet_Parsed()
    {
        var (settings, reader) = Read(
            (CommonSettings.DryRunVariable, "false"),
            (CommonSettings.AccountIdVariable, "123456789012"),
            (CommonSettings.DisabledReferenceSourcesVariable, "image-references, LastLaunchedTime"),
            (CommonSettings.MaxDestructiveActionsPerRunVariable, "7"),
            (CommonSettings.LedgerTableNameVariable, "ami-ledger"));

        Assert.True(reader.IsValid);
        Assert.False(settings.DryRun);
        Assert.Equal("123456789012", settings.AccountId);
        Assert.Equal(new HashSet<InventorySource> { InventorySource.ImageReferences, InventorySource.LastLaunchedTime }, settings.DisabledSources);
        Assert.DoesNotContain(InventorySource.ImageReferences, settings.RequiredSources);
        Assert.Contains(InventorySource.Instances, settings.RequiredSources);
        Assert.Equal(7, settings.MaxDestructiveActionsPerRun);
        Assert.Equal("ami-ledger", settings.LedgerTableName);
    }

    [Fact]
    public void Read_EveryValueBad_ReportsEveryVariable()
    {
        var (_, reader) = Read(
            (CommonSettings.DryRunVariable, "perhaps"),
            (CommonSettings.AccountIdVariable, "12345"),
            (CommonSettings.DisabledReferenceSourcesVariable, "images,ssm"),
            (CommonSettings.MaxDestructiveActionsPerRunVariable, "0"),
            (CommonSettings.LedgerTableNameVariable, "a b"));

        var ex = Assert.Throws<ConfigurationException>(reader.ThrowIfInvalid);

        foreach (var name in new[] { "DRY_RUN", "ACCOUNT_ID", "MAX_DESTRUCTIVE_ACTIONS_PER_RUN", "LEDGER_TABLE_NAME" })
        {
            Assert.Contains(ex.Errors, e => e.StartsWith(name, StringComparison.Ordinal));
        }

        Assert.Contains(ex.Errors, e => e.Contains("'ssm'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("'Images'", StringComparison.Ordinal));
    }
}
