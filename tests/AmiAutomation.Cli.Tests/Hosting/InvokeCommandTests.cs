using System.Text.Json;
using AmiAutomation.TestKit.Repository;

namespace AmiAutomation.Cli.Tests.Hosting;

public sealed class InvokeCommandTests
{
    public static TheoryData<string> EventFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in RepositoryRoot.EventFiles())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void EventsFolder_HoldsSamplesForEveryFunction()
    {
        var names = RepositoryRoot.EventFiles().Select(Path.GetFileName).ToList();

        Assert.All(new[] { "deprecate-", "expire-", "restore-" }, prefix => Assert.Contains(names, n => n!.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(EventFiles))]
    public async Task Invoke_Simulate_EachSampleEvent_RunsTheRealFunction(string file)
    {
        var function = file[..file.IndexOf('-', StringComparison.Ordinal)];

        // --live: some samples ask for "dryRun": false, which a dry-run function rejects (DryRunRuleTests).
        var run = await CliRun.RunAsync("invoke", function, "--event", RepositoryRoot.File("events", file), "--simulate", "--json", "--live");

        Assert.True(run.ExitCode == ExitCodes.Ok, $"{file}: exit {run.ExitCode}\n{run.Error}\n{run.Out}");
        using var response = JsonDocument.Parse(run.Out);
        Assert.Equal(JsonValueKind.Object, response.RootElement.ValueKind);
        Assert.False(response.RootElement.TryGetProperty("errorType", out _), run.Out);
    }

    [Fact]
    public async Task Invoke_Simulate_RestoreImage_RestoresTheImageTheEventNames()
    {
        var run = await CliRun.RunAsync("invoke", "restore", "--event", RepositoryRoot.File("events", "restore-image.json"), "--simulate", "--json", "--live");
        using var response = JsonDocument.Parse(run.Out);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("restored", response.RootElement.GetProperty("status").GetString());
        Assert.Equal("ami-0a1b2c3d4e5f60718", response.RootElement.GetProperty("imageId").GetString());
    }

    [Fact]
    public async Task Invoke_AwsWithoutRegion_ExitsTwo()
    {
        var run = await CliRun.RunAsync(
            new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "test", ["AWS_SECRET_ACCESS_KEY"] = "test" },
            "invoke", "deprecate", "--event", RepositoryRoot.File("events", "deprecate-schedule.json"));

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("No region", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_ListSimulate_ShowsTheRecycleBin()
    {
        var run = await CliRun.RunAsync("restore", "list", "--simulate");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Recycle Bin of us-east-1 holds", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_ImageSimulateDryRun_ChangesNothing()
    {
        var run = await CliRun.RunAsync("restore", "ami-0a1b2c3d4e5f60718", "--simulate", "--dry-run", "--json");
        using var response = JsonDocument.Parse(run.Out);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("dry-run", response.RootElement.GetProperty("status").GetString());
        Assert.True(response.RootElement.GetProperty("dryRun").GetBoolean());
    }

    [Fact]
    public async Task Invoke_Verbose_StreamsTheFunctionLogsAsJsonLinesToStandardError()
    {
        var run = await CliRun.RunAsync("--verbose", "invoke", "deprecate", "--event", RepositoryRoot.File("events", "deprecate-schedule.json"), "--simulate", "--json");
        var logLines = run.Error.Split('\n').Where(l => l.StartsWith('{')).ToList();

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.NotEmpty(logLines);
        Assert.All(logLines, line =>
        {
            using var log = JsonDocument.Parse(line);
            Assert.True(log.RootElement.TryGetProperty("level", out _));
        });
        using var response = JsonDocument.Parse(run.Out);
        Assert.Equal("deprecate", response.RootElement.GetProperty("function").GetString());
    }
}
