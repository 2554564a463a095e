using System.Diagnostics;

namespace AmiAutomation.Cli.Tests.Commands;

public sealed class VersionAndCompletionTests
{
    [Fact]
    public async Task Version_FirstLineEqualsTheVersionOption()
    {
        var command = await CliRun.RunAsync("version");
        var option = await CliRun.RunAsync("--version");

        Assert.Equal(ExitCodes.Ok, command.ExitCode);
        Assert.Equal(ExitCodes.Ok, option.ExitCode);
        var lines = command.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal($"ami-automation {option.Out.Trim()}", lines[0]);
        Assert.StartsWith(".NET ", lines[1], StringComparison.Ordinal);
        Assert.Matches(@"^AWSSDK\.Core 4\.", lines[2]);
    }

    [Theory]
    [InlineData("ami-automation pl", "plan")]
    [InlineData("ami-automation invoke ", "deprecate")]
    [InlineData("ami-automation plan --func", "--function")]
    [InlineData("ami-automation plan --function ", "expire")]
    [InlineData("ami-automation completion ", "zsh")]
    public async Task SuggestDirective_CompletesCommandsOptionsAndChoices(string line, string expected)
    {
        var run = await CliRun.RunAsync($"[suggest:{line.Length}]", line);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(expected, run.Out.Split('\n', StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _ami_automation_complete ami-automation")]
    [InlineData("zsh", "bashcompinit")]
    [InlineData("fish", "complete -c ami-automation")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName ami-automation")]
    public async Task Completion_EachShell_PrintsAScriptThatAsksTheSuggestDirective(string shell, string expected)
    {
        var run = await CliRun.RunAsync("completion", shell);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
        Assert.Contains("[suggest:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completion_UnknownShell_ExitsTwoNamingTheChoices()
    {
        var run = await CliRun.RunAsync("completion", "tcsh");

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("unknown shell 'tcsh': expected one of bash, zsh, fish, pwsh", run.Error, StringComparison.Ordinal);
    }

    /// <summary>The bash script end to end: bash sources it, with <c>ami-automation</c> on PATH running this build,
    /// and the completion function fills COMPREPLY.</summary>
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Completion_Bash_CompletesInARealBash()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ami-automation.dll");
        Assert.True(File.Exists(dll), dll);
        var bin = Directory.CreateTempSubdirectory("cli-completion-");
        try
        {
            var shim = Path.Combine(bin.FullName, "ami-automation");
            await File.WriteAllTextAsync(shim, $"#!/bin/sh\nexec dotnet \"{dll}\" \"$@\"\n");
            File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var script = (await CliRun.RunAsync("completion", "bash")).Out;
            var test = script + "\nCOMP_LINE='ami-automation invoke ex'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(ami-automation invoke ex); COMP_CWORD=2\n"
                + "_ami_automation_complete\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
            var start = new ProcessStartInfo("bash", ["--noprofile", "--norc", "-c", test])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["PATH"] = bin.FullName + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
            using var bash = Process.Start(start)!;
            var output = await bash.StandardOutput.ReadToEndAsync();
            var error = await bash.StandardError.ReadToEndAsync();
            await bash.WaitForExitAsync();

            Assert.True(bash.ExitCode == 0, error);
            Assert.Equal(["expire"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }
}
