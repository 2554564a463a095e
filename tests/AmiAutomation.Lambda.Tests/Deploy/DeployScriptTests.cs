using System.Text.RegularExpressions;
using AmiAutomation.TestKit.Repository;

namespace AmiAutomation.Lambda.Tests.Deploy;

/// <summary>
/// The deploy scripts' own tests (tests/deploy, Python unittest): template.yaml expanded with aws-sam-translator
/// (code locations, schedules, two stacks without name clashes), the StackSet template and per-region upload (moto),
/// the artifact check against fabricated non-AOT and wrong-architecture ELFs, the arm64 variant, samconfig.toml.
/// One test per module so a failure names its area; the module's unittest output is the failure message.
/// </summary>
public sealed partial class DeployScriptTests
{
    [Theory]
    [InlineData("test_template.py")]
    [InlineData("test_check_artifact.py")]
    [InlineData("test_org_template.py")]
    [InlineData("test_variants_and_config.py")]
    public async Task PythonModule_AllTestsPass(string module)
    {
        var run = await ProcessRun.RunAsync("python3", RepositoryRoot.Path, TimeSpan.FromMinutes(5),
            "-m", "unittest", "discover", "-s", "tests/deploy", "-p", module, "-v");

        Assert.True(run.ExitCode == 0, run.Output);
        var ran = RanCount().Match(run.Output);
        Assert.True(ran.Success && int.Parse(ran.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, run.Output);
        Assert.DoesNotContain("skipped=", run.Output.Split('\n').Last(l => l.Length > 0), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Ran (\d+) tests?")]
    private static partial Regex RanCount();
}
