using AmiAutomation.Core.Inventory;
using AmiAutomation.Functions.Common;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Functions.Tests.Common;

public sealed class SettingsReaderTests
{
    private static SettingsReader Reader(params (string Key, string Value)[] values) =>
        new(new DictionaryEnvironmentVariables(values.ToDictionary(v => v.Key, v => v.Value)));

    [Theory]
    [InlineData("true", true)]
    [InlineData("FALSE", false)]
    [InlineData("1", true)]
    [InlineData("off", false)]
    [InlineData("  yes ", true)]
    public void GetBool_ValidSpellings_Parse(string raw, bool expected)
    {
        var reader = Reader(("X", raw));

        Assert.Equal(expected, reader.GetBool("X", !expected));
        Assert.True(reader.IsValid);
    }

    [Fact]
    public void GetBool_UnsetOrBlank_ReturnsDefault()
    {
        var reader = Reader(("BLANK", "  "));

        Assert.True(reader.GetBool("MISSING", true));
        Assert.False(reader.GetBool("BLANK", false));
        Assert.True(reader.IsValid);
    }

    [Fact]
    public void Getters_SeveralBadValues_CollectsEveryErrorNamingVariableAndValue()
    {
        var reader = Reader(("B", "maybe"), ("I", "ten"), ("R", "500"), ("D", "1,5"), ("REGIONS", "eu-west-1,moon-base"), ("E", "Nope"));

        reader.GetBool("B", true);
        reader.GetInt("I", 1);
        reader.GetInt("R", 1, 0, 100);
        reader.GetDouble("D", 0.05);
        reader.GetRegionList("REGIONS");
        reader.GetEnum("E", InventorySource.Images);
        var ex = Assert.Throws<ConfigurationException>(reader.ThrowIfInvalid);

        Assert.Equal(6, ex.Errors.Count);
        Assert.Contains(ex.Errors, e => e.Contains("B='maybe'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("I='ten'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("R=500", StringComparison.Ordinal) && e.Contains("0 to 100", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("D='1,5'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("REGIONS", StringComparison.Ordinal) && e.Contains("'moon-base'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("E='Nope'", StringComparison.Ordinal) && e.Contains("LaunchTemplates", StringComparison.Ordinal));
    }

    [Fact]
    public void GetInt_BadValue_ReturnsDefault()
    {
        var reader = Reader(("I", "x"));

        Assert.Equal(7, reader.GetInt("I", 7));
        Assert.False(reader.IsValid);
    }

    [Fact]
    public void GetOptionalInt_Unset_ReturnsNull()
    {
        Assert.Null(Reader().GetOptionalInt("I", 0, 5));
    }

    [Fact]
    public void GetList_SplitsTrimsAndDeduplicates()
    {
        var reader = Reader(("L", " a, b;a  c\n"));

        Assert.Equal(["a", "b", "c"], reader.GetList("L"));
        Assert.Equal(["d"], reader.GetList("UNSET", ["d"]));
    }

    [Fact]
    public void GetRegionList_ValidRegions_KeepsOrder()
    {
        var reader = Reader(("R", "us-east-1, eu-central-2,us-gov-west-1"));

        Assert.Equal(["us-east-1", "eu-central-2", "us-gov-west-1"], reader.GetRegionList("R"));
        Assert.True(reader.IsValid);
    }

    [Theory]
    [InlineData("image-references", InventorySource.ImageReferences)]
    [InlineData("LAUNCH_TEMPLATES", InventorySource.LaunchTemplates)]
    [InlineData("instances", InventorySource.Instances)]
    public void GetEnum_KebabSnakeOrAnyCase_Parses(string raw, InventorySource expected)
    {
        var reader = Reader(("E", raw));

        Assert.Equal(expected, reader.GetEnum("E", InventorySource.Images));
        Assert.True(reader.IsValid);
    }

    [Fact]
    public void GetEnum_NumericValue_IsRejected()
    {
        var reader = Reader(("E", "2"));

        reader.GetEnum("E", InventorySource.Images);

        Assert.False(reader.IsValid);
    }

    [Fact]
    public void GetEnumList_ReportsEachBadItem()
    {
        var reader = Reader(("E", "instances,bogus,ssm"));

        var values = reader.GetEnumList<InventorySource>("E");

        Assert.Equal([InventorySource.Instances], values);
        Assert.Equal(2, reader.Errors.Count);
        Assert.Contains("'bogus'", reader.Errors[0], StringComparison.Ordinal);
        Assert.Contains("'ssm'", reader.Errors[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("15m", 900)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    [InlineData("500ms", 0.5)]
    [InlineData("00:01:30", 90)]
    public void GetDuration_UnitsAndClockFormat_Parse(string raw, double seconds)
    {
        var reader = Reader(("T", raw));

        Assert.Equal(TimeSpan.FromSeconds(seconds), reader.GetDuration("T", TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromDays(2)));
        Assert.True(reader.IsValid);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("3d")]
    public void GetDuration_BadOrOutOfRange_ReportsAndReturnsDefault(string raw)
    {
        var reader = Reader(("T", raw));

        Assert.Equal(TimeSpan.FromSeconds(5), reader.GetDuration("T", TimeSpan.FromSeconds(5), TimeSpan.Zero, TimeSpan.FromDays(2)));
        Assert.Contains($"T='{raw}'", Assert.Single(reader.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void GetRequiredString_Unset_ReportsMissingVariable()
    {
        var reader = Reader();

        reader.GetRequiredString("TABLE");

        Assert.Contains("TABLE is required", Assert.Single(reader.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfInvalid_NoErrors_DoesNotThrow()
    {
        var reader = Reader(("I", "3"));
        reader.GetInt("I", 0, 0, 5);

        reader.ThrowIfInvalid();

        Assert.True(reader.IsValid);
    }

    [Theory]
    [InlineData(null, 30)]
    [InlineData("0", null)]
    [InlineData("off", null)]
    [InlineData("NONE", null)]
    [InlineData("45", 45)]
    public void GetIntOrOff_ZeroOrOffTurnsTheRuleOff(string? raw, int? expected)
    {
        var reader = raw is null ? Reader() : Reader(("R", raw));

        Assert.Equal(expected, reader.GetIntOrOff("R", 30, 1, 100));
        Assert.True(reader.IsValid);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("101")]
    [InlineData("soon")]
    public void GetIntOrOff_BadValue_NamedAndDefaultKept(string raw)
    {
        var reader = Reader(("R", raw));

        Assert.Equal(30, reader.GetIntOrOff("R", 30, 1, 100));
        Assert.Contains(raw, Assert.Single(reader.Errors), StringComparison.Ordinal);
    }
}
