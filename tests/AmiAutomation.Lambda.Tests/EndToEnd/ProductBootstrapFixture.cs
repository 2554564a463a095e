using System.Diagnostics;
using AmiAutomation.TestKit.Repository;

namespace AmiAutomation.Lambda.Tests.EndToEnd;

/// <summary>
/// The product's AOT-published <c>bootstrap</c> (src/AmiAutomation.Lambda): the path in <c>AMI_LAMBDA_BOOTSTRAP</c>
/// when set (CI publishes to artifacts/publish/bootstrap first), else published once per test run into a temporary
/// folder (a few minutes; the Lambda zip goes there too, not into artifacts/).
/// </summary>
public sealed class ProductBootstrapFixture : IAsyncLifetime
{
    public const string PathVariable = "AMI_LAMBDA_BOOTSTRAP";
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(8);
    private static readonly Lazy<Task<string>> Published = new(ResolveAsync);

    public string BootstrapPath { get; private set; } = string.Empty;

    public async Task InitializeAsync() => BootstrapPath = await Published.Value;

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<string> ResolveAsync()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new FileNotFoundException($"{PathVariable} points to '{configured}', which does not exist.");
        }

        var output = Path.Combine(Path.GetTempPath(), "ami-lambda-bootstrap-" + Guid.NewGuid().ToString("N"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(output);
        var project = RepositoryRoot.File("src", "AmiAutomation.Lambda", "AmiAutomation.Lambda.csproj");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "publish", project, "-c", "Release", "-r", "linux-x64", "-o", output, "-warnaserror",
            "-p:LambdaArtifactDir=" + Path.Combine(output, "lambda") + Path.DirectorySeparatorChar,
            "--disable-build-servers", "-nodeReuse:false",
        })
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
        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish of the Lambda bootstrap took longer than {PublishTimeout}; set {PathVariable} to a published bootstrap.");
        }

        var bootstrap = Path.Combine(output, "bootstrap");
        if (process.ExitCode != 0 || !File.Exists(bootstrap))
        {
            throw new InvalidOperationException(
                $"dotnet publish of the Lambda bootstrap failed with exit code {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }

        return bootstrap;
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
