using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using AmiAutomation.Cli.Output;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Cli.Tests.Docs;

/// <summary>
/// Runs one README command the way a reader would, with the CLI in-process:
/// <list type="bullet">
/// <item><c>ami-automation …</c> and <c>dotnet run -c Release --project src/AmiAutomation.Cli -- …</c> run
/// <see cref="CliApplication"/> with those arguments (the same code; the process form needs a build the test already
/// has). Leading <c>NAME=value</c> words are added to the environment; <c>&gt; file</c> writes standard output to a
/// scratch folder (a <c>.json</c> file must parse); relative paths name files of the repository.</item>
/// <item>moto_server's address as README starts it, <see cref="DocumentedMotoAddress"/>, in a value or an argument is
/// replaced by the test's own moto_server (the <c>AWS_ENDPOINT_URL</c> it was given).</item>
/// <item><c>dotnet test AmiAutomation.sln -c Release</c> is the command running this test: counted, not run again.</item>
/// <item>anything else has no runner and fails: run it here, or mark its block skipped with the reason.</item>
/// </list>
/// A command passes when it exits 0 within the time budget.
/// </summary>
internal sealed partial class DocCommandRunner(IReadOnlyDictionary<string, string> environment, string repositoryRoot, string scratch)
{
    public const string TestCommand = "dotnet test AmiAutomation.sln -c Release";
    public const string DocumentedMotoAddress = "http://127.0.0.1:5000";
    private static readonly string[] DotnetRunPrefix = ["dotnet", "run", "-c", "Release", "--project", "src/AmiAutomation.Cli", "--"];

    public async Task<DocCommandResult> RunAsync(DocCommand command, TimeSpan budget)
    {
        if (command.Text == TestCommand)
        {
            return DocCommandResult.Covered(command, "the test command itself: CI runs it, and it runs this test");
        }

        IReadOnlyList<string> words;
        try
        {
            words = ShellWords.Split(command.Text).Select(Local).ToList();
        }
        catch (FormatException ex)
        {
            return DocCommandResult.Failed(command, ex.Message);
        }

        var env = new Dictionary<string, string>(environment, StringComparer.Ordinal);
        var at = 0;
        for (; at < words.Count && Assignment().Match(words[at]) is { Success: true } assignment; at++)
        {
            env[assignment.Groups["name"].Value] = assignment.Groups["value"].Value;
        }

        var rest = words.Skip(at).ToList();
        string? redirect = null;
        if (rest.Count >= 2 && rest[^2] == ">")
        {
            redirect = rest[^1];
            rest.RemoveRange(rest.Count - 2, 2);
        }

        List<string> args;
        if (rest.Count > 0 && rest[0] == "ami-automation")
        {
            args = rest.Skip(1).ToList();
        }
        else if (rest.Count >= DotnetRunPrefix.Length && rest.Take(DotnetRunPrefix.Length).SequenceEqual(DotnetRunPrefix))
        {
            args = rest.Skip(DotnetRunPrefix.Length).ToList();
        }
        else
        {
            return DocCommandResult.Failed(command,
                "no runner for this command: the doc-test runs `ami-automation …` and `" + string.Join(' ', DotnetRunPrefix)
                + " …`; run it another way here or mark its block <!-- doc-test: skip (why) -->");
        }

        args = args.Select(a => !a.StartsWith('-') && File.Exists(Path.Combine(repositoryRoot, a)) ? Path.Combine(repositoryRoot, a) : a).ToList();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(new CliConsole(output, error, isTerminal: false), new DictionaryEnvironmentVariables(env));
        using var timeout = new CancellationTokenSource(budget);
        var watch = Stopwatch.StartNew();
        int code;
        try
        {
            code = await CliApplication.RunAsync(args, context, timeout.Token);
        }
        catch (Exception ex)
        {
            return DocCommandResult.Failed(command, $"threw {ex.GetType().Name}: {ex.Message}\n{error}");
        }

        var elapsed = watch.Elapsed;
        if (timeout.IsCancellationRequested)
        {
            return DocCommandResult.Failed(command, $"took longer than its budget of {budget.TotalSeconds:0} s");
        }

        if (code != 0)
        {
            return DocCommandResult.Failed(command, $"exited {code}\nstderr: {Tail(error.ToString())}\nstdout: {Tail(output.ToString())}");
        }

        if (redirect is not null)
        {
            var file = Path.Combine(scratch, Path.GetFileName(redirect));
            await File.WriteAllTextAsync(file, output.ToString());
            if (file.EndsWith(".json", StringComparison.Ordinal))
            {
                try
                {
                    using var _ = JsonDocument.Parse(output.ToString());
                }
                catch (JsonException ex)
                {
                    return DocCommandResult.Failed(command, $"wrote {redirect}, which is not JSON: {ex.Message}");
                }
            }
        }

        return DocCommandResult.Ran(command, elapsed);
    }

    private string Local(string word) =>
        environment.TryGetValue("AWS_ENDPOINT_URL", out var moto) ? word.Replace(DocumentedMotoAddress, moto, StringComparison.Ordinal) : word;

    private static string Tail(string text) => text.Length <= 2000 ? text : "…" + text[^2000..];

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>.*)$")]
    private static partial Regex Assignment();
}
