namespace AmiAutomation.Cli.Tests.Commands;

public sealed class CommandParsingTests
{
    [Theory]
    [InlineData(new[] { "simulate", "--days", "0" }, "--days 0 is out of range")]
    [InlineData(new[] { "simulate", "--days", "many" }, "--days 'many' is not a whole number")]
    [InlineData(new[] { "simulate", "--images", "5" }, "--images 5 is out of range")]
    [InlineData(new[] { "simulate", "--regions", "us-east-1,mars-north-9x" }, "'mars-north-9x' is not an AWS region name")]
    [InlineData(new[] { "simulate", "--regions", "," }, "--region is empty")]
    [InlineData(new[] { "simulate", "--bogus" }, "--bogus")]
    [InlineData(new[] { "simulate", "--set", "lower=1" }, "--set 'lower=1' is not NAME=VALUE")]
    [InlineData(new[] { "simulate", "--set", "EXPIRE_KEEP_NEWST=2" }, "--set EXPIRE_KEEP_NEWST: no function reads a setting of that name; did you mean EXPIRE_KEEP_NEWEST?")]
    [InlineData(new[] { "plan", "--set", "DRYRUN=false" }, "did you mean DRY_RUN?")]
    [InlineData(new[] { "invoke", "deprecate", "--event", "x.json", "--set", "DEPRECATE_KEEP_NEWST=2" }, "did you mean DEPRECATE_KEEP_NEWEST?")]
    [InlineData(new[] { "plan", "--function", "nuke" }, "unknown function 'nuke': expected one of deprecate, expire, copy, all")]
    [InlineData(new[] { "plan", "--region", "nowhere" }, "'nowhere' is not an AWS region name")]
    [InlineData(new[] { "plan", "--at", "next tuesday" }, "--at 'next tuesday' is not a time")]
    [InlineData(new[] { "plan", "--at", "9999-12-31" }, "--at '9999-12-31' is out of range")]
    [InlineData(new[] { "plan", "--at", "0001-01-01" }, "--at '0001-01-01' is out of range")]
    [InlineData(new[] { "plan", "--at", "+99999d" }, "--at '+99999d' is out of range")]
    [InlineData(new[] { "invoke", "nuke", "--event", "x.json" }, "unknown function 'nuke': expected one of deprecate, copy, expire, restore")]
    [InlineData(new[] { "invoke", "deprecate" }, "--event")]
    [InlineData(new[] { "invoke", "deprecate", "--event", "/no/such/file.json" }, "/no/such/file.json")]
    [InlineData(new[] { "restore" }, "restore needs an image id")]
    [InlineData(new[] { "restore", "not-an-ami" }, "'not-an-ami' is not an AMI id")]
    [InlineData(new[] { "frobnicate" }, "frobnicate")]
    public async Task Run_BadUsage_ExitsTwoNamingTheProblem(string[] args, string expected)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Contains("--help", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Theory]
    [InlineData("simulate")]
    [InlineData("plan")]
    [InlineData("invoke")]
    [InlineData("restore")]
    public async Task Run_Help_ExitsZeroAndDescribesTheCommand(string command)
    {
        var run = await CliRun.RunAsync(command, "--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(command, run.Out, StringComparison.Ordinal);
        Assert.Contains("--json", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoCommand_ShowsTheCommands()
    {
        var run = await CliRun.RunAsync();

        Assert.Contains("simulate", run.Out + run.Error, StringComparison.Ordinal);
    }
}
