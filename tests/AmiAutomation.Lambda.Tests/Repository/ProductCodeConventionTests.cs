using AmiAutomation.TestKit.Repository;

namespace AmiAutomation.Lambda.Tests.Repository;

/// <summary>
/// Product code awaits without <c>ConfigureAwait</c> (.editorconfig turns CA2007 off): the Lambda bootstrap and the CLI
/// run on the thread pool with no <c>SynchronizationContext</c>, so the call changes nothing there. Each
/// <c>ConfigureAwait(false)</c> also gave the mutation run (docs/mutation.md) one mutant no test can kill.
/// </summary>
public sealed class ProductCodeConventionTests
{
    [Fact]
    public void ProductCode_NeverCallsConfigureAwait()
    {
        var src = RepositoryRoot.File("src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .SelectMany(f => File.ReadLines(f)
                .Select((line, i) => (line, i))
                .Where(x => x.line.Contains(".ConfigureAwait(", StringComparison.Ordinal))
                .Select(x => $"{Path.GetRelativePath(src, f)}:{x.i + 1}"))
            .ToList();

        Assert.True(offenders.Count == 0, "Await without ConfigureAwait in src/:\n" + string.Join("\n", offenders));
    }
}
