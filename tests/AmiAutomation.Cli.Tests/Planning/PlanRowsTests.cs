using System.Globalization;
using System.Text.Json;
using AmiAutomation.Cli.Output;
using AmiAutomation.Cli.Tests.Explain;
using AmiAutomation.Cli.Tests.Output;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Cli.Tests.Planning;

public sealed class PlanRowsTests(SimulatedFleetFixture fleet) : IClassFixture<SimulatedFleetFixture>
{
    private static Task<CliRun> PlanAsync(params string[] args) =>
        CliRun.RunAsync(["plan", "--simulate", "-r", "us-east-1", .. args, .. SimulatedFleetFixture.Settings]);

    [Fact]
    public async Task Plan_CsvAll_RoundTripsWithOneRowPerImage()
    {
        var json = await PlanAsync("--output", "json");
        using var document = JsonDocument.Parse(json.Out);
        var images = document.RootElement.GetProperty("regions")[0].GetProperty("images").GetInt32();
        var records = RfcCsv.Parse(fleet.Plan.Out);

        Assert.Equal(ExitCodes.Ok, fleet.Plan.ExitCode);
        Assert.Equal(["region", "image_id", "name", "family", "created", "age_days", "state", "deprecation_time",
            "deprecate_action", "deprecate_reason", "deprecate_details", "expire_action", "expire_reason", "expire_details",
            "copy_action", "copy_reason", "copy_details"], records[0]);
        Assert.Equal(images, records.Count - 1);
        Assert.All(records, r => Assert.Equal(records[0].Count, r.Count));
        Assert.Equal(images, fleet.Rows.Select(r => r["image_id"]).Distinct().Count());
        Assert.All(fleet.Rows, r =>
        {
            Assert.Matches("^ami-0[0-9a-f]{16}$", r["image_id"]);
            Assert.True(DateTimeOffset.TryParse(r["created"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));
            Assert.False(string.IsNullOrEmpty(r["expire_action"]));
            Assert.False(string.IsNullOrEmpty(r["expire_reason"]));
        });
        // Details hold commas and quotes in places: the round trip above proves they were quoted.
        Assert.Contains(fleet.Rows, r => r["deprecate_details"].Contains(',', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plan_WithoutAll_ListsOnlyImagesSomeFunctionActsOn()
    {
        var run = await PlanAsync("--output", "csv");
        var rows = RfcCsv.Parse(run.Out).Skip(1).ToList();

        Assert.NotEmpty(rows);
        Assert.True(rows.Count < fleet.Rows.Count);
        Assert.All(rows, r => Assert.Contains(r, f => f is "Deprecate" or "Deregister" or "Copy" or "FinishCopy"));
    }

    [Fact]
    public async Task Plan_FamilyAndActionFilters_KeepOnlyMatchingRows()
    {
        var family = await PlanAsync("--all", "--output", "csv", "--family", "web");
        var deregister = await PlanAsync("--all", "--output", "csv", "--action", "deregister");
        var newest = await PlanAsync("--all", "--output", "csv", "--action", "NewestInFamily");

        var familyRows = RfcCsv.Parse(family.Out).Skip(1).ToList();
        var deregisterRows = RfcCsv.Parse(deregister.Out).Skip(1).ToList();
        var newestRows = RfcCsv.Parse(newest.Out).Skip(1).ToList();
        Assert.Equal(fleet.Rows.Count(r => r["family"] == "web"), familyRows.Count);
        Assert.All(familyRows, r => Assert.Equal("web", r[3]));
        Assert.Equal(fleet.Rows.Count(r => r["expire_action"] == "Deregister"), deregisterRows.Count);
        Assert.All(deregisterRows, r => Assert.Equal("Deregister", r[11]));
        Assert.NotEmpty(newestRows);
        Assert.All(newestRows, r => Assert.Contains("NewestInFamily", new[] { r[9], r[12] }));
    }

    [Fact]
    public async Task Plan_SortByAge_OldestFirst_ById_Ordinal()
    {
        var age = RfcCsv.Parse((await PlanAsync("--all", "--output", "csv", "--sort", "age")).Out).Skip(1).Select(r => DateTimeOffset.Parse(r[4], CultureInfo.InvariantCulture)).ToList();
        var ids = RfcCsv.Parse((await PlanAsync("--all", "--output", "csv", "--sort", "id")).Out).Skip(1).Select(r => r[1]).ToList();

        Assert.Equal(age.Order(), age);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task Plan_Json_CarriesTheEffectiveSettingsAndTheRows()
    {
        var run = await PlanAsync("--all", "--output", "json");
        using var document = JsonDocument.Parse(run.Out);
        var settings = document.RootElement.GetProperty("settings");
        var rows = document.RootElement.GetProperty("rows").EnumerateArray().ToList();

        Assert.Equal("40", settings.GetProperty("EXPIRE_KEEP_NEWEST").GetString());
        Assert.Equal("60", settings.GetProperty("DEPRECATE_AFTER_DAYS").GetString());
        Assert.Equal(fleet.Rows.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(3, r.GetProperty("functions").GetArrayLength()));
    }

    [Fact]
    public async Task Plan_TableAll_ShowsSettingsAndTheKeepReasonOfKeptImages()
    {
        var run = await PlanAsync("--all");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Settings: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("EXPIRE_KEEP_NEWEST=40", run.Out, StringComparison.Ordinal);
        Assert.Contains("keep: InUse", run.Out, StringComparison.Ordinal);
        Assert.Contains("keep: NewestInFamily", run.Out, StringComparison.Ordinal);
        Assert.Contains(fleet.InUse, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_LargeFleetOnATerminal_SummarisesAndSaysHowToSeeAll()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(new CliConsole(output, error, isTerminal: true, width: 200), new DictionaryEnvironmentVariables(new Dictionary<string, string>()));

        var code = await CliApplication.RunAsync(["plan", "--simulate", "-r", "us-east-1", "--all"], context, CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("Summary by function, action and reason", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("more row(s) not shown: use --output csv", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    public async Task Plan_NarrowTerminal_NoIdIsSplit(int columns)
    {
        var run = await CliAtWidth.RunAsync(columns, null, ["plan", "--simulate", "-r", "us-east-1", "--all", .. SimulatedFleetFixture.Settings]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        CliAtWidth.AssertFits(run.Out, columns, [fleet.InUse, fleet.Newest, fleet.Protected, fleet.Expiring]);
    }

    [Fact]
    public async Task Plan_Piped_IsNotHardWrapped()
    {
        var run = await PlanAsync("--all");

        Assert.Contains(run.Out.Split('\n'), line => line.TrimEnd().Length > 120);
    }
}
