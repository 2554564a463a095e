using AmiAutomation.TestKit.Repository;

namespace AmiAutomation.Lambda.Tests.Deploy;

/// <summary>
/// The csproj target that zips bootstrap after a publish (PackageLambdaZip), run on its own through
/// <c>dotnet msbuild -t:PackageLambdaZip</c> with a fabricated publish folder: only a Native AOT publish is packaged,
/// and each architecture gets its own zip, so an arm64 publish never replaces the x86_64 artifact.
/// </summary>
public sealed class LambdaArtifactPackagingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ami-packaging-").FullName;

    private string Publish => Path.Combine(_root, "publish") + Path.DirectorySeparatorChar;

    private string Artifacts => Path.Combine(_root, "lambda") + Path.DirectorySeparatorChar;

    public LambdaArtifactPackagingTests()
    {
        Directory.CreateDirectory(Publish);
        File.WriteAllBytes(Path.Combine(Publish, "bootstrap"), [0x7F, (byte)'E', (byte)'L', (byte)'F']);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Task<ProcessRun> PackageAsync(string runtime, params string[] properties) =>
        ProcessRun.RunAsync(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", RepositoryRoot.Path, TimeSpan.FromMinutes(3),
            ["msbuild", RepositoryRoot.File("src", "AmiAutomation.Lambda", "AmiAutomation.Lambda.csproj"), "-t:PackageLambdaZip", "-nologo",
             "-nodeReuse:false", $"-p:RuntimeIdentifier={runtime}", $"-p:PublishDir={Publish}", $"-p:LambdaArtifactDir={Artifacts}", .. properties]);

    [Fact]
    public async Task PackageLambdaZip_NonAotPublish_FailsAndWritesNoZip()
    {
        var run = await PackageAsync("linux-x64", "-p:PublishAot=false");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("only a Native AOT publish is packaged", run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Artifacts) && Directory.EnumerateFiles(Artifacts, "*.zip").Any());
    }

    [Fact]
    public async Task PackageLambdaZip_ManagedLauncherBesideBootstrap_Fails()
    {
        await File.WriteAllBytesAsync(Path.Combine(Publish, "bootstrap.dll"), [0x4D, 0x5A]);

        var run = await PackageAsync("linux-x64");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("managed launcher", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PackageLambdaZip_Arm64AfterX64_EachArchitectureKeepsItsOwnZip()
    {
        var x64 = await PackageAsync("linux-x64");
        Assert.True(x64.ExitCode == 0, x64.Output);
        var x64Zip = Path.Combine(Artifacts, "bootstrap-x86_64.zip");
        var x64Bytes = await File.ReadAllBytesAsync(x64Zip);

        await File.WriteAllBytesAsync(Path.Combine(Publish, "bootstrap"), [0x7F, (byte)'E', (byte)'L', (byte)'F', 0xAA]);
        var arm64 = await PackageAsync("linux-arm64");

        Assert.True(arm64.ExitCode == 0, arm64.Output);
        Assert.Equal(x64Bytes, await File.ReadAllBytesAsync(x64Zip));
        Assert.True(File.Exists(Path.Combine(Artifacts, "bootstrap-arm64.zip")));
        Assert.False(File.Exists(Path.Combine(Artifacts, "bootstrap.zip")));
    }

    [Fact]
    public async Task PackageLambdaZip_MuslRuntime_Fails()
    {
        var run = await PackageAsync("linux-musl-x64");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("is not a Lambda architecture", run.Output, StringComparison.Ordinal);
    }
}
