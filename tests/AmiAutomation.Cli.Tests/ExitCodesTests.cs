using System.Text.Json;
using AmiAutomation.Cli.Tests.Hosting;
using AmiAutomation.TestKit.Moto;
using AmiAutomation.TestKit.Repository;

namespace AmiAutomation.Cli.Tests;

/// <summary>Every command, every exit code README documents (0, 1, 2, 3, 130), against moto_server or the simulator.
/// Usage errors (2) of each command are also in <c>CommandParsingTests</c>; 0 and 1 of plan and latch in their own tests.</summary>
[Collection("moto")]
public sealed class ExitCodesTests(MotoServerFixture moto)
{
    private const string Region = "eu-west-3";
    private const string AmiId = "ami-0a1b2c3d4e5f60718";

    private Dictionary<string, string> Moto => new()
    {
        ["AWS_ENDPOINT_URL"] = moto.ServiceUrl,
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
        ["AWS_REGION"] = Region,
        ["AWS_MAX_ATTEMPTS"] = "1",
        ["LEDGER_TABLE_NAME"] = "exit-codes-ledger",
    };

    private static string Event(string name) => RepositoryRoot.File("events", name);

    public static TheoryData<string[]> EveryCommand() => new()
    {
        new[] { "simulate", "--days", "5", "--images", "10", "--json" },
        new[] { "plan", "--set", "DISABLED_REFERENCE_SOURCES=ImageReferences", "--json" },
        new[] { "invoke", "deprecate", "--event", Event("deprecate-schedule.json"), "--json" },
        new[] { "invoke", "expire", "--event", Event("expire-schedule.json"), "--simulate", "--json" },
        new[] { "restore", "list", "--simulate" },
        new[] { "restore", AmiId, "--simulate" },
        new[] { "restore", AmiId },
        new[] { "latch", "show" },
        new[] { "latch", "clear", "--reason", "tested" },
    };

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public async Task Run_CtrlC_Exits130SayingInterrupted(string[] args)
    {
        var run = await CliHarness.RunAsync(Moto, CliHarness.Cancelled(), progress: false, args);

        Assert.True(run.ExitCode == ExitCodes.Cancelled, $"exit {run.ExitCode}\n{run.Error}");
        Assert.Contains("interrupted", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("invoke", "deprecate", "--event", "EVENT")]
    [InlineData("restore", "list")]
    [InlineData("restore", AmiId)]
    [InlineData("latch", "show")]
    public async Task Run_UnknownProfile_ExitsThreeNamingIt(params string[] args)
    {
        var argv = args.Select(a => a == "EVENT" ? Event("deprecate-schedule.json") : a).Concat(["--profile", "no-such-profile"]).ToArray();

        var run = await CliRun.RunAsync(Moto, argv);

        Assert.Equal(ExitCodes.AwsProblem, run.ExitCode);
        Assert.Contains("profile 'no-such-profile'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_UnreachableEndpoint_ExitsThree()
    {
        var run = await CliRun.RunAsync(Moto, "plan", "--endpoint-url", "http://127.0.0.1:9");

        Assert.Equal(ExitCodes.AwsProblem, run.ExitCode);
        Assert.Contains("Could not read the images", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_Simulate_Succeeded_ExitsZero()
    {
        var run = await CliRun.RunAsync("invoke", "deprecate", "--event", Event("deprecate-schedule.json"), "--simulate", "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var response = JsonDocument.Parse(run.Out);
        Assert.Equal("succeeded", response.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Invoke_InventorySourceFailed_ExitsOne()
    {
        await moto.ResetAsync();
        using var ec2 = moto.CreateEc2Client(Region);
        foreach (var name in new[] { "web-2024.01.01", "web-2024.02.01" })
        {
            await ec2.RegisterImageAsync(new Amazon.EC2.Model.RegisterImageRequest
            {
                Name = name,
                RootDeviceName = "/dev/xvda",
                BlockDeviceMappings = [new Amazon.EC2.Model.BlockDeviceMapping { DeviceName = "/dev/xvda", Ebs = new Amazon.EC2.Model.EbsBlockDevice { VolumeSize = 8 } }],
            });
            await Task.Delay(TimeSpan.FromSeconds(1.1)); // moto stamps creation times to the second
        }

        // The older image has a newer one: a candidate, so its references are read; moto lacks DescribeImageReferences,
        // the source fails and the run reports status failed.
        var run = await CliRun.RunAsync(Moto, "invoke", "deprecate", "--event", Event("deprecate-schedule.json"), "--json",
            "--set", "DEPRECATE_WHEN_NEWER_COUNT=1", "--set", "DEPRECATE_KEEP_NEWEST=1");

        Assert.True(run.ExitCode == ExitCodes.RunFailed, $"exit {run.ExitCode}\n{run.Error}\n{run.Out}");
        using var response = JsonDocument.Parse(run.Out);
        Assert.Equal("failed", response.RootElement.GetProperty("status").GetString());
        Assert.Contains("reported status 'failed'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_PayloadNotJson_ExitsTwo()
    {
        using var file = CliHarness.Temp("{\"source\": ");

        var run = await CliRun.RunAsync("invoke", "expire", "--event", file.Path, "--simulate");

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("is not JSON", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task Invoke_PayloadRejectedByTheFunction_PrintsLambdaErrorAndExitsTwo()
    {
        using var file = CliHarness.Temp("{\"imageIdz\": \"ami-0123456789abcdef0\"}");

        var run = await CliRun.RunAsync("invoke", "expire", "--event", file.Path, "--simulate");
        using var error = JsonDocument.Parse(run.Out);

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Equal("InvalidEventException", error.RootElement.GetProperty("errorType").GetString());
        Assert.Contains("rejected its input", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_InvalidSettingValue_ExitsTwo()
    {
        var run = await CliRun.RunAsync("invoke", "expire", "--event", Event("expire-schedule.json"), "--simulate", "--set", "DRY_RUN=maybe");

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("DRY_RUN", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_FunctionFailsAgainstAnEndpointWithoutTheLedger_ExitsOne()
    {
        await moto.ResetAsync();

        var run = await CliRun.RunAsync(Moto, "restore", AmiId);

        Assert.True(run.ExitCode == ExitCodes.RunFailed, $"exit {run.ExitCode}\n{run.Error}\n{run.Out}");
    }

    [Fact]
    public async Task Latch_NoLedgerTable_ExitsTwoNamingTheSetting()
    {
        var environment = Moto;
        environment.Remove("LEDGER_TABLE_NAME");

        var run = await CliRun.RunAsync(environment, "latch", "show");

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("LEDGER_TABLE_NAME", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("version")]
    [InlineData("completion", "bash")]
    public async Task Run_InfoCommands_ExitZero(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.NotEqual(string.Empty, run.Out);
    }
}
