using AmiAutomation.TestKit.Repository;
using AmiAutomation.TestKit.RuntimeApi;

namespace AmiAutomation.Runtime.Tests.EndToEnd;

/// <summary>
/// The AOT-published <c>testhost-bootstrap</c>: the path in <c>AMI_TESTHOST_BOOTSTRAP</c> when set (CI publishes it
/// first), else published once per test run into a temporary folder (takes a minute or two).
/// </summary>
public sealed class TestHostBootstrapFixture : IAsyncLifetime
{
    public const string PathVariable = "AMI_TESTHOST_BOOTSTRAP";

    private static readonly Lazy<Task<string>> Published = new(() => new AotPublisher
    {
        Description = "the test host",
        PathVariable = PathVariable,
        ProjectFile = RepositoryRoot.File("tests", "AmiAutomation.TestHost", "AmiAutomation.TestHost.csproj"),
        ExecutableName = "testhost-bootstrap",
        TemporaryFolderPrefix = "ami-testhost-",
        Timeout = TimeSpan.FromMinutes(6),
    }.ResolveAsync());

    public string BootstrapPath { get; private set; } = string.Empty;

    public async Task InitializeAsync() => BootstrapPath = await Published.Value;

    public Task DisposeAsync() => Task.CompletedTask;
}
