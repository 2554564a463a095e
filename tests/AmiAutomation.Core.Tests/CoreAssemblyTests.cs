using AmiAutomation.Core.Planning;

namespace AmiAutomation.Core.Tests;

public class CoreAssemblyTests
{
    [Fact]
    public void CoreAssembly_References_NoAwsSdk()
    {
        var core = typeof(Plan).Assembly;

        var references = core.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();

        Assert.Equal("AmiAutomation.Core", core.GetName().Name);
        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, name => name.StartsWith("AWSSDK", StringComparison.OrdinalIgnoreCase));
    }
}
