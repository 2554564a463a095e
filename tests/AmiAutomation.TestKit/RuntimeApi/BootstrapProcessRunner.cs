using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace AmiAutomation.TestKit.RuntimeApi;

/// <summary>
/// One run of a bootstrap executable (typically against <see cref="FakeRuntimeApi"/>) with only the environment a test
/// gives it: variables starting with any of the caller's prefixes are not inherited from the machine. stdout and
/// stderr are captured line by line. Killed on dispose if still running.
/// </summary>
public sealed class BootstrapProcessRunner : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private BootstrapProcessRunner(Process process) => _process = process;

    public string StandardOutput => Read(_stdout);

    public string StandardError => Read(_stderr);

    /// <summary>Every stdout line, each parsed as one JSON document (for hosts that write nothing else there).</summary>
    public IReadOnlyList<JsonElement> JsonLines =>
        [.. StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    /// <summary>Starts <paramref name="path"/> with <paramref name="environment"/> set and every inherited variable
    /// whose name starts with one of <paramref name="notInheritedPrefixes"/> (ordinal) removed.</summary>
    public static BootstrapProcessRunner Start(string path, IReadOnlyDictionary<string, string> environment, IReadOnlyCollection<string> notInheritedPrefixes)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var key in start.Environment.Keys.Where(k => notInheritedPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var run = new BootstrapProcessRunner(process);
        process.OutputDataReceived += (_, e) => Append(run._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(run._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>The exit code; kills the process and fails when it runs longer than <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            throw new TimeoutException($"The bootstrap did not exit within {timeout}. stderr: {StandardError}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }
    }
}
