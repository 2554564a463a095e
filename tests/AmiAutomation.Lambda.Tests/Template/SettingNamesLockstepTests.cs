using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Copy;
using AmiAutomation.Functions.Deprecate;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Restore;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.TestKit.Repository;

namespace AmiAutomation.Lambda.Tests.Template;

/// <summary>
/// <see cref="SettingNames.All"/> (the registry misspelt names are compared against) is exactly what the settings
/// readers read, and covers every variable template.yaml sets; each function's <c>SampleEvents</c> are exactly its
/// files in events/.
/// </summary>
public sealed class SettingNamesLockstepTests
{
    [Fact]
    public async Task All_EqualsWhatTheReadersRead()
    {
        var recorder = new RecordingEnvironment(new Dictionary<string, string> { ["AWS_REGION"] = "eu-west-1" });
        var registry = HandlerRegistry.Create(recorder, TimeProvider.System);
        foreach (var handler in HandlerRegistry.Names)
        {
            Assert.True(registry.TryGetFactory(handler, out var factory));
            try
            {
                factory!();
            }
            catch (ConfigurationException)
            {
                // Expire without a ledger table: every variable was still read (the reader reports all problems at once).
            }
        }

        // The host's own settings: read at start-up, before it gives up for want of a Runtime API address.
        var exit = await LambdaBootstrap.RunAsync(
            registry, new LambdaBootstrapOptions { Environment = recorder, Output = TextWriter.Null, ErrorOutput = TextWriter.Null }, CancellationToken.None);
        Assert.Equal(BootstrapExitCodes.InitializationFailed, exit);
        var read = recorder.Read.Where(n => !SettingNames.IsForeign(n)).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(SettingNames.All.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("deprecate")]
    [InlineData("copy")]
    [InlineData("expire")]
    [InlineData("restore")]
    public void TemplateVariables_AreAllKnown(string handler)
    {
        var names = TemplateEnvironment.For(handler).Keys.Where(n => !SettingNames.IsForeign(n)).ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Contains(name, SettingNames.All));
        Assert.Empty(UnknownSettings.Find(TemplateEnvironment.For(handler).Keys));
    }

    [Fact]
    public void SampleEvents_EqualEachFunctionsFilesInEvents()
    {
        var files = RepositoryRoot.EventFiles().Select(Path.GetFileName).OfType<string>().ToList();
        var byFunction = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [DeprecateFunction.FunctionName] = DeprecateFunction.SampleEvents,
            [CopyFunction.FunctionName] = CopyFunction.SampleEvents,
            [ExpireFunction.FunctionName] = ExpireFunction.SampleEvents,
            [RestoreFunction.FunctionName] = RestoreFunction.SampleEvents,
        };

        foreach (var (function, samples) in byFunction)
        {
            Assert.Equal(
                files.Where(f => f.StartsWith(function + "-", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
                samples.Order(StringComparer.Ordinal));
        }
    }

    private sealed class RecordingEnvironment(IReadOnlyDictionary<string, string> values) : IEnvironmentVariables
    {
        public HashSet<string> Read { get; } = new(StringComparer.Ordinal);

        public string? Get(string name)
        {
            lock (Read)
            {
                Read.Add(name);
            }

            return values.TryGetValue(name, out var value) ? value : null;
        }
    }
}
