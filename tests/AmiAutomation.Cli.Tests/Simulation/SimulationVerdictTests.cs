using System.Text.Json;
using AmiAutomation.Cli.Serialization;
using AmiAutomation.Cli.Simulation;

namespace AmiAutomation.Cli.Tests.Simulation;

public sealed class SimulationVerdictTests(SimulationRunFixture run) : IClassFixture<SimulationRunFixture>
{
    private SimulationReport Report => JsonSerializer.Deserialize(run.First.Out, CliJson.Indented.SimulationReport)!;

    [Fact]
    public void Headline_CleanRun_SaysPassed()
    {
        Assert.True(SimulationVerdict.Passed(Report));
        Assert.Contains("passed", SimulationVerdict.Headline(Report), StringComparison.Ordinal);
    }

    [Fact]
    public void Headline_FailedActionsWithSafetyChecksPassing_NeverSaysPassed()
    {
        var report = Report with { Totals = Report.Totals with { FailedActions = 200 } };

        Assert.True(report.Safety.AllChecksPassed);
        Assert.False(SimulationVerdict.Passed(report));
        Assert.Contains("200 FAILED action(s)", SimulationVerdict.Headline(report), StringComparison.Ordinal);
        Assert.DoesNotContain(" passed", SimulationVerdict.Headline(report), StringComparison.Ordinal);
    }
}
