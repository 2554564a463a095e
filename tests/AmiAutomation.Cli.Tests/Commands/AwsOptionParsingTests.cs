namespace AmiAutomation.Cli.Tests.Commands;

/// <summary>The one <c>--region</c>, <c>--profile</c>, <c>--endpoint-url</c> on every command: bad values exit 2 before
/// anything runs.</summary>
public sealed class AwsOptionParsingTests
{
    [Theory]
    [InlineData("invoke", "deprecate", "--event", "x.json")]
    [InlineData("restore", "list")]
    [InlineData("restore", "ami-0a1b2c3d4e5f60718")]
    [InlineData("latch", "show")]
    public async Task SingleRegionCommand_TwoRegions_ExitsTwoSayingOneRegion(params string[] args)
    {
        var run = await CliRun.RunAsync([.. args, "--region", "us-east-1,eu-west-1"]);

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("--region names 2 regions (us-east-1, eu-west-1); this command acts in one region", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("simulate")]
    [InlineData("invoke", "deprecate", "--event", "x.json")]
    [InlineData("restore", "list")]
    [InlineData("latch", "show")]
    public async Task EveryCommand_BadRegion_ExitsTwoNamingIt(params string[] args)
    {
        var run = await CliRun.RunAsync([.. args, "-r", "us-east-1,Mars"]);

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("'Mars' is not an AWS region name", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("invoke", "deprecate", "--event", "x.json")]
    [InlineData("restore", "list")]
    [InlineData("latch", "show")]
    public async Task AwsCommand_BadEndpointUrl_ExitsTwoNamingIt(params string[] args)
    {
        var run = await CliRun.RunAsync([.. args, "--endpoint-url", "localhost:5000"]);

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("--endpoint-url 'localhost:5000' is not an absolute http(s) URL", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_TooManyRegions_ExitsTwo()
    {
        var run = await CliRun.RunAsync("simulate", "--region", "us-east-1,us-east-2,us-west-1,us-west-2,eu-west-1,eu-west-2,eu-west-3,eu-north-1,eu-central-1");

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("at most 8 are supported", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("invoke")]
    [InlineData("restore")]
    public async Task Help_ListsTheAwsConventions(string command)
    {
        var run = await CliRun.RunAsync(command, "--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.All(new[] { "--region", "--profile", "--endpoint-url" }, o => Assert.Contains(o, run.Out, StringComparison.Ordinal));
    }
}
