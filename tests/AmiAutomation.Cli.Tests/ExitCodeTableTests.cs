using System.Text.RegularExpressions;
using AmiAutomation.TestKit.Repository;

namespace AmiAutomation.Cli.Tests;

/// <summary>README's exit-code table and <see cref="ExitCodes"/> are one source of truth: the table must list exactly
/// <see cref="ExitCodes.Documented"/>.</summary>
public sealed partial class ExitCodeTableTests
{
    [Fact]
    public void Readme_ExitCodeTable_EqualsExitCodesDocumented()
    {
        var readme = File.ReadAllLines(RepositoryRoot.File("README.md"));
        var header = Array.FindIndex(readme, l => l.StartsWith("| Exit code | Meaning |", StringComparison.Ordinal));
        Assert.True(header >= 0, "README has no '| Exit code | Meaning |' table");
        var rows = readme.Skip(header + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => Row().Match(l))
            .Select(m => (Code: int.Parse(m.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture), Meaning: m.Groups["meaning"].Value.Trim()))
            .ToList();

        Assert.Equal(ExitCodes.Documented.Select(d => (d.Code, d.Meaning)), rows);
    }

    [Fact]
    public void Documented_CodesAreDistinctAndIncludeEveryConstant()
    {
        Assert.Equal(
            new[] { ExitCodes.Ok, ExitCodes.RunFailed, ExitCodes.BadUsage, ExitCodes.AwsProblem, ExitCodes.Cancelled },
            ExitCodes.Documented.Select(d => d.Code));
    }

    [GeneratedRegex(@"^\|\s*(?<code>\d+)\s*\|(?<meaning>.*)\|\s*$")]
    private static partial Regex Row();
}
