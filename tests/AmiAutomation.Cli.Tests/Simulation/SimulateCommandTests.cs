using System.Text.Json;

namespace AmiAutomation.Cli.Tests.Simulation;

public sealed class SimulateCommandTests(SimulationRunFixture run) : IClassFixture<SimulationRunFixture>
{
    private JsonElement Report => run.Report;

    [Fact]
    public void Simulate_SameSeedTwice_PrintsTheSameJson()
    {
        Assert.Equal(ExitCodes.Ok, run.First.ExitCode);
        Assert.Equal(ExitCodes.Ok, run.Second.ExitCode);
        Assert.Equal(run.First.Out, run.Second.Out);
    }

    [Fact]
    public void Simulate_Defaults_ReportsEveryDayWithTheFleetCounted()
    {
        var days = Report.GetProperty("days").EnumerateArray().ToList();

        Assert.Equal(60, Report.GetProperty("daysSimulated").GetInt32());
        Assert.Equal(60, days.Count);
        Assert.Equal(Enumerable.Range(1, 60), days.Select(d => d.GetProperty("day").GetInt32()));
        Assert.All(days, d => Assert.True(d.GetProperty("available").GetInt32() > 0));
        Assert.Equal(42, Report.GetProperty("seed").GetInt32());
        Assert.InRange(Report.GetProperty("fleet").GetProperty("images").GetInt32(), 250, 400);
    }

    [Fact]
    public void Simulate_Defaults_NothingInUseOrProtectedWasDeregistered()
    {
        var safety = Report.GetProperty("safety");
        var checkedCount = safety.GetProperty("deregistrationsChecked").GetInt32();

        Assert.Equal(0, safety.GetProperty("inUseImagesDeregistered").GetInt32());
        Assert.Equal(0, safety.GetProperty("protectedImagesDeregistered").GetInt32());
        Assert.True(checkedCount > 0, "the audit must have checked deregistrations");
        Assert.True(safety.GetProperty("referencesChecked").GetInt64() > 0, "the audit must have seen references");
        Assert.Equal(checkedCount, safety.GetProperty("deregistrationsWithLedgerRecord").GetInt32());
        Assert.Equal(Report.GetProperty("totals").GetProperty("expired").GetInt32(), checkedCount);
        Assert.Equal(180, safety.GetProperty("expireRunsChecked").GetInt32());
        Assert.True(safety.GetProperty("allChecksPassed").GetBoolean());
    }

    [Fact]
    public void Simulate_Defaults_TheWholeLifecycleHappened()
    {
        var totals = Report.GetProperty("totals");

        Assert.True(totals.GetProperty("imagesBuilt").GetInt32() > 0);
        Assert.True(totals.GetProperty("copiesStarted").GetInt32() > 0);
        Assert.True(totals.GetProperty("copiesFinished").GetInt32() > 0);
        Assert.True(totals.GetProperty("deprecated").GetInt32() > 0);
        Assert.True(totals.GetProperty("expired").GetInt32() > 0);
        Assert.True(totals.GetProperty("snapshotGiBReleased").GetDouble() > 0);
        Assert.Equal(0, totals.GetProperty("functionErrors").GetInt32());
        Assert.Equal(0, totals.GetProperty("failedActions").GetInt32());
        Assert.True(totals.GetProperty("invocations").GetInt32() >= 60 * 3 * 2, "a deprecate and an expire run per region and day at least");
        Assert.Equal(totals.GetProperty("deprecated").GetInt32(), Report.GetProperty("days").EnumerateArray().Sum(d => d.GetProperty("deprecatedToday").GetInt32()));
        Assert.Equal(totals.GetProperty("expired").GetInt32(), Report.GetProperty("days").EnumerateArray().Sum(d => d.GetProperty("expiredToday").GetInt32()));
    }

    [Fact]
    public void Simulate_Defaults_RestoresAnImageExpiredEarlier()
    {
        var restore = Report.GetProperty("restore");

        Assert.Equal(40, restore.GetProperty("day").GetInt32());
        Assert.True(restore.GetProperty("expiredOnDay").GetInt32() < 40);
        Assert.True(restore.GetProperty("succeeded").GetBoolean());
        Assert.True(restore.GetProperty("availableAfterwards").GetBoolean());
        Assert.Equal(1, Report.GetProperty("totals").GetProperty("restored").GetInt32());
    }

    [Fact]
    public void Simulate_Defaults_ExplainsDecisionsWithReasons()
    {
        var samples = Report.GetProperty("notableDecisions").EnumerateArray().ToList();
        var skips = Report.GetProperty("skipsByReason");

        Assert.InRange(samples.Count, 5, 20);
        Assert.Contains(samples, s => s.GetProperty("action").GetString() == "Deregister");
        Assert.Contains(samples, s => s.GetProperty("action").GetString() == "Deprecate");
        Assert.Contains(samples, s => s.GetProperty("action").GetString() == "Copy");
        Assert.All(samples, s => Assert.False(string.IsNullOrEmpty(s.GetProperty("reason").GetString())));
        Assert.True(skips.GetProperty("expire").GetProperty("InUse").GetInt32() > 0);
    }

    [Fact]
    public async Task Simulate_Text_ShowsTableChartAndSafetySummary()
    {
        var text = await CliRun.RunAsync("simulate", "--days", "5", "--images", "120");

        Assert.Equal(ExitCodes.Ok, text.ExitCode);
        Assert.Contains("Images by state over time", text.Out, StringComparison.Ordinal);
        Assert.Contains("Notable decisions", text.Out, StringComparison.Ordinal);
        Assert.Contains("Safety: in-use images deleted", text.Out, StringComparison.Ordinal);
        Assert.Contains("all safety checks passed", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_DifferentSeed_GivesADifferentFleet()
    {
        var other = await CliRun.RunAsync("simulate", "--json", "--days", "2", "--seed", "7");
        using var document = JsonDocument.Parse(other.Out);

        Assert.Equal(ExitCodes.Ok, other.ExitCode);
        Assert.Equal(7, document.RootElement.GetProperty("seed").GetInt32());
        Assert.NotEqual(Report.GetProperty("fleet").GetRawText(), document.RootElement.GetProperty("fleet").GetRawText());
    }

    [Fact]
    public async Task Simulate_BadSetting_ExitsTwoNamingTheVariable()
    {
        var bad = await CliRun.RunAsync("simulate", "--days", "1", "--set", "EXPIRE_KEEP_NEWEST=lots");

        Assert.Equal(ExitCodes.BadUsage, bad.ExitCode);
        Assert.Contains("EXPIRE_KEEP_NEWEST", bad.Error, StringComparison.Ordinal);
    }
}
