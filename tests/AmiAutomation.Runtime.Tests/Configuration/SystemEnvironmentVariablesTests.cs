using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Runtime.Tests.Configuration;

public sealed class SystemEnvironmentVariablesTests
{
    [Fact]
    public void Set_ValueThenNull_WritesAndRemovesTheProcessVariable()
    {
        var name = "AMI_AUTOMATION_TEST_" + Guid.NewGuid().ToString("N");
        var environment = SystemEnvironmentVariables.Instance;

        environment.Set(name, "Root=1-abc");
        var written = environment.Get(name);
        environment.Set(name, null);

        Assert.Equal("Root=1-abc", written);
        Assert.Null(environment.Get(name));
    }
}
