using AmiAutomation.Core.Restore;
using AmiAutomation.Functions.Common;

namespace AmiAutomation.Functions.Tests.Common;

public sealed class UnknownSettingsTests
{
    [Theory]
    [InlineData("EXPIRE_KEEP_NEWST", "EXPIRE_KEEP_NEWEST")]
    [InlineData("DEPRECATE_AFTER_DAY", "DEPRECATE_AFTER_DAYS")]
    [InlineData("COPY_TARGET_REGION", "COPY_TARGET_REGIONS")]
    [InlineData("RESTORE_HOLD_DAY", "RESTORE_HOLD_DAYS")]
    [InlineData("DRYRUN", "DRY_RUN")]
    [InlineData("DRY_RUM", "DRY_RUN")]
    [InlineData("FAMILY_PATERN", "FAMILY_PATTERN")]
    [InlineData("AMI_AUTOMATION_LOGLEVEL", "AMI_AUTOMATION_LOG_LEVEL")]
    [InlineData("DISABLED_REFERENCE_SOURCE", "DISABLED_REFERENCE_SOURCES")]
    public void Find_MisspeltName_ReportedWithTheClosestKnownName(string name, string closest)
    {
        var found = Assert.Single(UnknownSettings.Find([name, "PATH", "AWS_REGION"]));

        Assert.Equal((name, closest), found);
    }

    [Fact]
    public void Warnings_NameTheVariableAndTheClosestName()
    {
        var warning = Assert.Single(UnknownSettings.Warnings(["EXPIRE_KEEP_NEWST"]));

        Assert.Contains("EXPIRE_KEEP_NEWST", warning, StringComparison.Ordinal);
        Assert.Contains("did you mean EXPIRE_KEEP_NEWEST?", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AWS_REGION")]
    [InlineData("AWS_EXPIRE_KEEP_NEWST")]
    [InlineData("AWS_LAMBDA_FUNCTION_NAME")]
    [InlineData("LAMBDA_TASK_ROOT")]
    [InlineData("_HANDLER")]
    [InlineData("_X_AMZN_TRACE_ID")]
    [InlineData("PATH")]
    [InlineData("LANG")]
    [InlineData("TZ")]
    [InlineData("LD_LIBRARY_PATH")]
    [InlineData("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT")]
    [InlineData("HOME")]
    public void Find_ForeignOrUnrelatedName_Ignored(string name) =>
        Assert.Empty(UnknownSettings.Find([name]));

    [Fact]
    public void Find_EveryKnownName_NothingReported() =>
        Assert.Empty(UnknownSettings.Find(SettingNames.All));

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("DRY_RUN", "DRYRUN", 1)]
    public void EditDistance_KnownPairs(string a, string b, int expected)
    {
        Assert.Equal(expected, NearMatchFinder.Distance(a, b));
        Assert.Equal(expected, NearMatchFinder.Distance(b, a));
    }
}
