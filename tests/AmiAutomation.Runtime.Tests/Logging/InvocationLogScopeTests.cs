using AmiAutomation.Runtime.Logging;

namespace AmiAutomation.Runtime.Tests.Logging;

public sealed class InvocationLogScopeTests
{
    [Theory]
    [InlineData("Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1", "1-5bef4de7-ad49b0e87f6ef6c87fc2e700")]
    [InlineData("Parent=9a9197af755a6419; Root=1-abc ;Sampled=0", "1-abc")]
    [InlineData("1-abc", "1-abc")]
    [InlineData("Parent=1;Sampled=1", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void RootOf_TraceHeader_ReturnsRootPart(string? header, string? expected)
    {
        Assert.Equal(expected, InvocationLogScope.RootOf(header));
    }
}
