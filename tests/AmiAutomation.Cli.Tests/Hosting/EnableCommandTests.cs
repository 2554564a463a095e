using System.Text.Json;

namespace AmiAutomation.Cli.Tests.Hosting;

public sealed class EnableCommandTests
{
    [Fact]
    public async Task Enable_SimulateLive_EnablesTheDisabledImageAndHoldsIt()
    {
        var run = await CliRun.RunAsync("enable", "ami-0123456789abcdef0", "--simulate", "--live", "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, $"exit {run.ExitCode}\n{run.Error}\n{run.Out}");
        using var response = JsonDocument.Parse(run.Out);
        var line = response.RootElement.GetProperty("enabled")[0];
        Assert.Equal("enabled", line.GetProperty("status").GetString());
        Assert.True(line.TryGetProperty("heldUntil", out _));
    }

    [Fact]
    public async Task Enable_SimulateDryRun_ChangesNothing()
    {
        var run = await CliRun.RunAsync("enable", "ami-0123456789abcdef0", "--simulate", "--dry-run", "--json");

        using var response = JsonDocument.Parse(run.Out);
        Assert.True(response.RootElement.GetProperty("dryRun").GetBoolean());
        Assert.Equal("dry-run", response.RootElement.GetProperty("enabled")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Enable_WithoutLive_IsADryRunThatSaysHowToGoLive()
    {
        var run = await CliRun.RunAsync("enable", "ami-0123456789abcdef0", "--simulate", "--json");

        using var response = JsonDocument.Parse(run.Out);
        Assert.True(response.RootElement.GetProperty("dryRun").GetBoolean());
        Assert.Equal("dry-run", response.RootElement.GetProperty("enabled")[0].GetProperty("status").GetString());
        Assert.Contains("Pass --live", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enable_LiveAndDryRun_BadUsage()
    {
        var run = await CliRun.RunAsync("enable", "ami-0123456789abcdef0", "--simulate", "--live", "--dry-run");

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("contradict", run.Error + run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enable_NotAnImageId_BadUsage()
    {
        var run = await CliRun.RunAsync("enable", "image-1");

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("'image-1' is not an AMI id", run.Error + run.Out, StringComparison.Ordinal);
    }
}
