using System.Text.RegularExpressions;
using AmiAutomation.Cli.Output;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Cli.Tests.Output;

/// <summary>Runs the CLI in-process with redirected output fitted to <c>COLUMNS</c>, and checks ids are whole.</summary>
public static partial class CliAtWidth
{
    public static async Task<CliRun> RunAsync(int columns, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["COLUMNS"] = columns.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var context = new CliContext(
            new CliConsole(output, error, isTerminal: false, CliConsole.WidthFrom(variables["COLUMNS"])),
            new DictionaryEnvironmentVariables(variables));
        var code = await CliApplication.RunAsync(args, context, CancellationToken.None);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Every line is at most <paramref name="columns"/> wide, and every AMI or snapshot id that starts on a
    /// line is whole on it (17 hex digits after the prefix; moto and the simulator both use long ids).</summary>
    public static void AssertFits(string text, int columns, IReadOnlyCollection<string> knownIds)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.All(lines, line => Assert.True(line.Length <= columns, $"line wider than {columns}: '{line}'"));
        foreach (var line in lines)
        {
            foreach (Match match in IdStart().Matches(line))
            {
                Assert.True(match.Value.Length == match.Groups[1].Length + 1 + 17, $"id split or cut on line '{line}': '{match.Value}'");
            }
        }

        foreach (var id in knownIds)
        {
            Assert.Contains(id, text, StringComparison.Ordinal);
            foreach (var line in lines.Select(l => l.TrimEnd()))
            {
                for (var k = 5; k < id.Length; k++)
                {
                    var prefix = id[..k];
                    Assert.False(line.EndsWith(prefix, StringComparison.Ordinal) || line.Contains(prefix + "…", StringComparison.Ordinal), $"{id} split or cut on line '{line}'");
                }
            }
        }
    }

    [GeneratedRegex(@"\b(ami|snap)-0[0-9a-f]*")]
    private static partial Regex IdStart();
}
