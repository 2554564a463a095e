using AmiAutomation.Cli.Hosting;
using AmiAutomation.Cli.Output;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Cli.Tests.Hosting;

/// <summary><see cref="CliRun"/> with the knobs these tests turn: a cancellation token (Ctrl-C) and a progress line
/// on the captured standard error (as when it is a terminal).</summary>
internal static class CliHarness
{
    public static async Task<CliRun> RunAsync(
        IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken, bool progress, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(
            new CliConsole(output, error, isTerminal: false),
            new DictionaryEnvironmentVariables(environment ?? new Dictionary<string, string>()))
        {
            Progress = progress ? new ProgressLine(error, 100) : ProgressLine.Off,
        };
        var code = await CliApplication.RunAsync(args, context, cancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>A token already cancelled: the user pressed Ctrl-C as the command started.</summary>
    public static CancellationToken Cancelled() => new(canceled: true);

    /// <summary>A temporary file with <paramref name="text"/>, deleted on dispose.</summary>
    public static TempFile Temp(string text, string extension = ".json") => new(text, extension);

    internal sealed class TempFile : IDisposable
    {
        public TempFile(string text, string extension)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cli-{Guid.NewGuid():N}{extension}");
            File.WriteAllText(Path, text);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
