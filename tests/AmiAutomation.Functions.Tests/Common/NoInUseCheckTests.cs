using AmiAutomation.Core.Inventory;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Deprecate;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Functions.Tests.Common;

/// <summary>Switching every reference source off means nothing checks whether an image is in use: refused unless
/// acknowledged, and then said in every run summary.</summary>
public sealed class NoInUseCheckTests
{
    private static readonly string EveryReferenceSource = string.Join(",", ReferenceSources.All);

    private static (CommonSettings Settings, SettingsReader Reader) Read(params (string Key, string Value)[] values)
    {
        var reader = new SettingsReader(new DictionaryEnvironmentVariables(values.ToDictionary(v => v.Key, v => v.Value)));
        return (CommonSettings.Read(reader), reader);
    }

    [Fact]
    public void Read_EveryReferenceSourceOff_RefusedNamingTheAcknowledgement()
    {
        var (_, reader) = Read((CommonSettings.DisabledReferenceSourcesVariable, EveryReferenceSource));

        var error = Assert.Single(reader.Errors);
        Assert.Contains("switches off every reference source", error, StringComparison.Ordinal);
        Assert.Contains($"{CommonSettings.AcknowledgeNoInUseCheckVariable}=true", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EveryReferenceSourceOffAndTheUsageSourcesToo_StillRefused()
    {
        var (_, reader) = Read((CommonSettings.DisabledReferenceSourcesVariable, EveryReferenceSource + ",LastLaunchedTime,LaunchPermissions,UsageReports"));

        Assert.Contains(reader.Errors, e => e.Contains("every reference source", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_OneReferenceSourceLeftOn_Accepted()
    {
        var (settings, reader) = Read((CommonSettings.DisabledReferenceSourcesVariable, string.Join(",", ReferenceSources.All.Skip(1))));

        Assert.True(reader.IsValid);
        Assert.False(settings.NoInUseCheck);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("no")]
    public void Read_AcknowledgementNotTrue_StillRefused(string value)
    {
        var (_, reader) = Read(
            (CommonSettings.DisabledReferenceSourcesVariable, EveryReferenceSource),
            (CommonSettings.AcknowledgeNoInUseCheckVariable, value));

        Assert.False(reader.IsValid);
    }

    [Fact]
    public void Read_EveryReferenceSourceOffAcknowledged_AcceptedAndMarked()
    {
        var (settings, reader) = Read(
            (CommonSettings.DisabledReferenceSourcesVariable, EveryReferenceSource),
            (CommonSettings.AcknowledgeNoInUseCheckVariable, "true"));

        Assert.True(reader.IsValid);
        Assert.True(settings.NoInUseCheck);
    }

    [Fact]
    public void DeprecateSettings_EveryReferenceSourceOff_FailsStartUp()
    {
        var environment = new DictionaryEnvironmentVariables(new Dictionary<string, string>
        {
            [CommonSettings.DisabledReferenceSourcesVariable] = EveryReferenceSource,
        });

        var error = Assert.Throws<ConfigurationException>(() => DeprecateSettings.Read(environment));

        Assert.Contains(CommonSettings.AcknowledgeNoInUseCheckVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Acknowledged_SummaryAndLogSayNoInUseCheck()
    {
        var h = new SweepHarness();
        h.Environment[CommonSettings.DisabledReferenceSourcesVariable] = EveryReferenceSource;
        h.Environment[CommonSettings.AcknowledgeNoInUseCheckVariable] = "true";
        h.AddImage(b => b.Named("web-1").CreatedDaysAgo(200));

        var summary = await h.InvokeAsync(h.Deprecate());

        var warning = Assert.Single(summary.Warnings);
        Assert.StartsWith("no in-use check", warning, StringComparison.Ordinal);
        Assert.Contains(h.Logger.Entries, r => r.Level == Microsoft.Extensions.Logging.LogLevel.Warning && r.Message.Contains("no in-use check", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_SomeSourcesOn_NoWarning()
    {
        var h = new SweepHarness();
        h.AddImage(b => b.Named("web-1").CreatedDaysAgo(200));

        var summary = await h.InvokeAsync(h.Deprecate());

        Assert.Empty(summary.Warnings);
    }
}
