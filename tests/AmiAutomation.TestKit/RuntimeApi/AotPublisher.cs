using System.Diagnostics;

namespace AmiAutomation.TestKit.RuntimeApi;

/// <summary>
/// Finds an AOT-published executable for end-to-end tests: the path in <see cref="PathVariable"/> when set (CI
/// publishes first), else <c>dotnet publish</c> of <see cref="ProjectFile"/> into a fresh temporary folder that is
/// deleted when the test process exits. Callers cache the task so the publish happens once per test run.
/// </summary>
public sealed class AotPublisher
{
    /// <summary>What is published, for messages ("the Lambda bootstrap").</summary>
    public required string Description { get; init; }

    /// <summary>The environment variable that may name an already published executable.</summary>
    public required string PathVariable { get; init; }

    /// <summary>The absolute path of the .csproj to publish.</summary>
    public required string ProjectFile { get; init; }

    /// <summary>The file name of the published executable in the output folder.</summary>
    public required string ExecutableName { get; init; }

    /// <summary>The name prefix of the temporary output folder.</summary>
    public required string TemporaryFolderPrefix { get; init; }

    /// <summary>How long <c>dotnet publish</c> may take before it is killed.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>Extra <c>dotnet publish</c> arguments, given the output folder; none by default.</summary>
    public Func<string, IEnumerable<string>> ExtraArguments { get; init; } = _ => [];

    /// <summary>The configured path when <see cref="PathVariable"/> is set (it must exist), else a fresh publish.</summary>
    public async Task<string> ResolveAsync()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new FileNotFoundException($"{PathVariable} points to '{configured}', which does not exist.");
        }

        return await PublishAsync();
    }

    private async Task<string> PublishAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), TemporaryFolderPrefix + Guid.NewGuid().ToString("N"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(output);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "publish", ProjectFile, "-c", "Release", "-r", "linux-x64", "-o", output, "-warnaserror" }
            .Concat(ExtraArguments(output))
            .Concat(["--disable-build-servers", "-nodeReuse:false"]))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish of {Description} took longer than {Timeout}; set {PathVariable} to a published {ExecutableName}.");
        }

        var executable = Path.Combine(output, ExecutableName);
        if (process.ExitCode != 0 || !File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"dotnet publish of {Description} failed with exit code {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }

        return executable;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
