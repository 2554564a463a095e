using System.Text;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Runtime.Functions;
using AmiAutomation.TestKit.Repository;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>The sample payloads the expire function names to a user who sent the console's default test event are
/// exactly the expire samples in <c>events/</c>: none missing, none pointing to a file that is not there.</summary>
public sealed class ExpireSampleEventsTests
{
    [Fact]
    public async Task ConsoleTestEvent_NamesEveryExpireSampleInTheEventsFolder()
    {
        var onDisk = RepositoryRoot.EventFiles().Select(f => Path.GetFileName(f))
            .Where(f => f.StartsWith(ExpireFunction.FunctionName + "-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var h = new SweepHarness();

        var error = await Assert.ThrowsAsync<InvalidEventException>(() =>
            h.Expire().InvokeAsync(Encoding.UTF8.GetBytes("""{"key1": "value1"}"""), h.Context()));

        Assert.Equal(onDisk, ExpireFunction.SampleEvents.Order(StringComparer.Ordinal));
        Assert.All(onDisk, file => Assert.Contains("events/" + file, error.Message, StringComparison.Ordinal));
    }
}
