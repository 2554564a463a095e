using System.Text.Json;
using AmiAutomation.TestKit.Repository;

namespace AmiAutomation.Cli.Tests.Hosting;

/// <summary><c>restore</c> and <c>invoke --simulate</c> follow the functions' rule: DRY_RUN from --set, then the
/// command's flag, then the environment, default true; live only when asked.</summary>
public sealed class DryRunRuleTests
{
    private const string AmiId = "ami-0a1b2c3d4e5f60718";

    [Theory]
    [InlineData(null)]
    [InlineData("true")]
    [InlineData("TRUE")]
    public async Task Restore_WithoutLive_IsADryRunAndSaysHowToGoLive(string? exported)
    {
        var environment = exported is null ? null : new Dictionary<string, string> { ["DRY_RUN"] = exported };

        var run = await CliRun.RunAsync(environment, "restore", AmiId, "--simulate", "--json");
        using var response = JsonDocument.Parse(run.Out);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.True(response.RootElement.GetProperty("dryRun").GetBoolean());
        Assert.Equal("dry-run", response.RootElement.GetProperty("status").GetString());
        Assert.False(response.RootElement.GetProperty("imageRestored").GetBoolean());
        Assert.Contains("Pass --live", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--live" }, null)]
    [InlineData(new[] { "--live" }, "true")]
    [InlineData(new[] { "--set", "DRY_RUN=false" }, "true")]
    [InlineData(new string[0], "false")]
    public async Task Restore_AskedLive_Restores(string[] flags, string? exported)
    {
        var environment = exported is null ? null : new Dictionary<string, string> { ["DRY_RUN"] = exported };

        var run = await CliRun.RunAsync(environment, ["restore", AmiId, "--simulate", "--json", .. flags]);
        using var response = JsonDocument.Parse(run.Out);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.False(response.RootElement.GetProperty("dryRun").GetBoolean());
        Assert.Equal("restored", response.RootElement.GetProperty("status").GetString());
        Assert.DoesNotContain("Pass --live", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--dry-run" }, "false")]
    [InlineData(new[] { "--set", "DRY_RUN=true", "--live" }, null)]
    public async Task Restore_DryRunAskedAnywhereExplicit_StaysDry(string[] flags, string? exported)
    {
        var environment = exported is null ? null : new Dictionary<string, string> { ["DRY_RUN"] = exported };

        var run = await CliRun.RunAsync(environment, ["restore", AmiId, "--simulate", "--json", .. flags]);
        using var response = JsonDocument.Parse(run.Out);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.True(response.RootElement.GetProperty("dryRun").GetBoolean());
        Assert.False(response.RootElement.GetProperty("imageRestored").GetBoolean());
    }

    [Fact]
    public async Task Restore_LiveAndDryRun_ExitsTwo()
    {
        var run = await CliRun.RunAsync("restore", AmiId, "--live", "--dry-run");

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("--live and --dry-run contradict", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeSimulate_ScheduledExpire_IsADryRunByDefault()
    {
        var run = await CliRun.RunAsync("invoke", "expire", "--event", RepositoryRoot.File("events", "expire-schedule.json"), "--simulate", "--json");
        using var response = JsonDocument.Parse(run.Out);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.True(response.RootElement.GetProperty("dryRun").GetBoolean(), run.Out);
    }

    [Fact]
    public async Task InvokeSimulate_ScheduledExpireLive_RunsLive()
    {
        var run = await CliRun.RunAsync("invoke", "expire", "--event", RepositoryRoot.File("events", "expire-schedule.json"), "--simulate", "--json", "--live");
        using var response = JsonDocument.Parse(run.Out);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.False(response.RootElement.GetProperty("dryRun").GetBoolean(), run.Out);
    }

    [Fact]
    public async Task InvokeSimulate_PayloadAsksLiveWhileDryRunExported_IsRejectedAsInput()
    {
        var run = await CliRun.RunAsync(
            new Dictionary<string, string> { ["DRY_RUN"] = "true" },
            "invoke", "expire", "--event", RepositoryRoot.File("events", "expire-manual-images.json"), "--simulate");

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("DRY_RUN=true", run.Error, StringComparison.Ordinal);
    }
}
