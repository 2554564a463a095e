using System.Text.Json;
using AmiAutomation.Cli.Hosting;

namespace AmiAutomation.Cli.Tests.Hosting;

public sealed class ProgressLineTests
{
    [Fact]
    public void Report_RewritesOneLineAndClearErasesIt()
    {
        using var error = new StringWriter();
        var line = new ProgressLine(error, 40);

        line.Report("eu-west-1: DescribeImages, 1 EC2 calls");
        line.Report("a line much longer than the forty columns of this terminal");
        line.Clear();

        var text = error.ToString();
        Assert.DoesNotContain('\n', text);
        Assert.Equal(3, text.Count(c => c == '\r'));
        Assert.Contains("a line much longer than the forty colu…", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\u001b[K", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Off_WritesNothing()
    {
        ProgressLine.Off.Report("anything");
        ProgressLine.Off.Clear();

        Assert.False(ProgressLine.Off.Enabled);
    }

    [Fact]
    public async Task Simulate_JsonWithProgressOnStandardError_KeepsStandardOutputPureJson()
    {
        var run = await CliHarness.RunAsync(null, CancellationToken.None, progress: true, "simulate", "--days", "3", "--images", "10", "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var report = JsonDocument.Parse(run.Out);
        Assert.DoesNotContain('\r', run.Out);
        Assert.Contains("simulating day 3 of 3", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_StandardErrorNotATerminal_NoProgress()
    {
        var run = await CliRun.RunAsync("simulate", "--days", "3", "--images", "10", "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.DoesNotContain("simulating day", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', run.Error);
    }
}
