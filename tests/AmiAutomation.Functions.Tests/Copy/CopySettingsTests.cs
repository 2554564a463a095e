using AmiAutomation.Core.Replication;
using AmiAutomation.Functions.Copy;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Functions.Tests.Copy;

public sealed class CopySettingsTests
{
    private static CopySettings Read(params (string Name, string Value)[] variables) =>
        CopySettings.Read(new DictionaryEnvironmentVariables(variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal)));

    [Fact]
    public void Read_Nothing_SafeDefaults()
    {
        var settings = Read();

        Assert.True(settings.DryRun);
        Assert.Empty(settings.Policy.TargetRegions);
        Assert.Empty(settings.Policy.Families);
        Assert.Null(settings.Policy.TagSelector);
        Assert.Empty(settings.Policy.KmsKeys);
        Assert.False(settings.Policy.AllowCopiesOfCopies);
        Assert.False(settings.Policy.AllowPublic);
        Assert.Equal(3, settings.Policy.MaxAttempts);
        Assert.Equal(TimeSpan.FromMinutes(120), settings.Policy.StuckAfter);
        Assert.Equal(TimeSpan.FromDays(14), settings.Policy.ReconcileLookback);
        Assert.Equal(20, settings.Policy.MaxStartsPerRun);
    }

    [Fact]
    public void Read_EverySetting_Parsed()
    {
        var settings = Read(
            (CopySettings.TargetRegionsVariable, "us-east-1, eu-central-1"),
            (CopySettings.FamiliesVariable, "web,db"),
            (CopySettings.TagSelectorVariable, "replicate=yes"),
            (CopySettings.KmsKeysVariable, "us-east-1=arn:aws:kms:us-east-1:123456789012:key/a,eu-central-1=alias/copies"),
            (CopySettings.AllowCopiesOfCopiesVariable, "true"),
            (CopySettings.AllowPublicVariable, "yes"),
            (CopySettings.MaxAttemptsVariable, "5"),
            (CopySettings.StuckAfterMinutesVariable, "60"),
            (CopySettings.ReconcileLookbackDaysVariable, "0"),
            (CopySettings.MaxStartsPerRunVariable, "7"),
            ("INCLUDE_MANAGED_BY", "dlm"));

        var policy = settings.Policy;
        Assert.Equal(["us-east-1", "eu-central-1"], policy.TargetRegions);
        Assert.Equal(new HashSet<string>(["web", "db"]), policy.Families);
        Assert.Equal(new CopyTagSelector("replicate", "yes"), policy.TagSelector);
        Assert.Equal("alias/copies", policy.KmsKeyFor("eu-central-1"));
        Assert.True(policy.AllowCopiesOfCopies);
        Assert.True(policy.AllowPublic);
        Assert.Equal(5, policy.MaxAttempts);
        Assert.Equal(TimeSpan.FromHours(1), policy.StuckAfter);
        Assert.Null(policy.ReconcileLookback);
        Assert.Equal(7, policy.MaxStartsPerRun);
        Assert.True(policy.IncludeDataLifecycleManager);
        Assert.False(policy.IncludeImageBuilder);
    }

    [Fact]
    public void Read_EveryBadValue_ReportedTogetherByName()
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(
            (CopySettings.TargetRegionsVariable, "us-east-1,eu-wst,eu-wst-1"),
            (CopySettings.TagSelectorVariable, "replicate"),
            (CopySettings.KmsKeysVariable, "us-east-1=arn:aws:kms:us-west-2:123456789012:key/a,nokey,mars-1=k"),
            (CopySettings.AllowPublicVariable, "maybe"),
            (CopySettings.MaxAttemptsVariable, "0"),
            (CopySettings.StuckAfterMinutesVariable, "5"),
            (CopySettings.MaxStartsPerRunVariable, "1000")));

        var all = string.Join("\n", error.Errors);
        Assert.Contains("'eu-wst'", all, StringComparison.Ordinal);
        Assert.Contains("'eu-wst-1', which is not a known AWS region", all, StringComparison.Ordinal);
        Assert.Contains(CopySettings.TagSelectorVariable, all, StringComparison.Ordinal);
        Assert.Contains("us-west-2", all, StringComparison.Ordinal);
        Assert.Contains("'nokey'", all, StringComparison.Ordinal);
        Assert.Contains("'mars-1'", all, StringComparison.Ordinal);
        Assert.Contains(CopySettings.AllowPublicVariable, all, StringComparison.Ordinal);
        Assert.Contains(CopySettings.MaxAttemptsVariable, all, StringComparison.Ordinal);
        Assert.Contains(CopySettings.StuckAfterMinutesVariable, all, StringComparison.Ordinal);
        Assert.Contains(CopySettings.MaxStartsPerRunVariable, all, StringComparison.Ordinal);
        Assert.Equal(10, error.Errors.Count);
    }

    [Fact]
    public void Read_DuplicateKmsRegion_Rejected()
    {
        var error = Assert.Throws<ConfigurationException>(() => Read((CopySettings.KmsKeysVariable, "us-east-1=alias/a us-east-1=alias/b")));

        Assert.Contains("twice", Assert.Single(error.Errors), StringComparison.Ordinal);
    }
}
