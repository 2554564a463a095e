namespace AmiAutomation.Cli.Tests.Output;

public sealed class SimulateWidthTests
{
    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    public async Task Simulate_NarrowTerminal_DayTableHeadersWholeAndNoIdSplit(int columns)
    {
        var run = await CliAtWidth.RunAsync(columns, null, "simulate", "--days", "20", "--images", "120");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        CliAtWidth.AssertFits(run.Out, columns, []);
        var header = run.Out.Split('\n').First(l => l.TrimStart().StartsWith("Day", StringComparison.Ordinal));
        Assert.Contains("Date", header, StringComparison.Ordinal);
        Assert.DoesNotContain("…", header, StringComparison.Ordinal);
        Assert.Contains(run.Out.Split('\n'), l => l.Contains("Avail", StringComparison.Ordinal) && l.Contains("Gone", StringComparison.Ordinal));
        Assert.Contains(run.Out.Split('\n'), l => l.Contains("Built", StringComparison.Ordinal) && l.Contains("GiB", StringComparison.Ordinal));
    }
}
