using AmiAutomation.TestKit.Repository;
using AmiAutomation.TestKit.RuntimeApi;

namespace AmiAutomation.Lambda.Tests.EndToEnd;

/// <summary>
/// The product's AOT-published <c>bootstrap</c> (src/AmiAutomation.Lambda): the path in <c>AMI_LAMBDA_BOOTSTRAP</c>
/// when set (CI publishes to artifacts/publish/bootstrap first), else published once per test run into a temporary
/// folder (a few minutes; the Lambda zip goes there too, not into artifacts/).
/// </summary>
public sealed class ProductBootstrapFixture : IAsyncLifetime
{
    public const string PathVariable = "AMI_LAMBDA_BOOTSTRAP";

    private static readonly Lazy<Task<string>> Published = new(() => new AotPublisher
    {
        Description = "the Lambda bootstrap",
        PathVariable = PathVariable,
        ProjectFile = RepositoryRoot.File("src", "AmiAutomation.Lambda", "AmiAutomation.Lambda.csproj"),
        ExecutableName = "bootstrap",
        TemporaryFolderPrefix = "ami-lambda-bootstrap-",
        Timeout = TimeSpan.FromMinutes(8),
        ExtraArguments = output => ["-p:LambdaArtifactDir=" + Path.Combine(output, "lambda") + Path.DirectorySeparatorChar],
    }.ResolveAsync());

    public string BootstrapPath { get; private set; } = string.Empty;

    public async Task InitializeAsync() => BootstrapPath = await Published.Value;

    public Task DisposeAsync() => Task.CompletedTask;
}
