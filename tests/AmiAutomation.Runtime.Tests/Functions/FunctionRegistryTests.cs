using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Tests.Support;

namespace AmiAutomation.Runtime.Tests.Functions;

public sealed class FunctionRegistryTests
{
    [Fact]
    public void Add_Several_KeepsOrderAndFindsEachFactory()
    {
        var registry = new FunctionRegistry()
            .Add("deprecate", () => DelegateFunction.Echo("deprecate"))
            .Add("copy", () => DelegateFunction.Echo("copy"));

        Assert.Equal(["deprecate", "copy"], registry.Names);
        Assert.True(registry.TryGetFactory("copy", out var factory));
        Assert.Equal("copy", factory().Name);
        Assert.False(registry.TryGetFactory("Copy", out _));
    }

    [Fact]
    public void Add_FactoriesAreNotCalledAtRegistration()
    {
        var calls = 0;

        var registry = new FunctionRegistry().Add("a", () => { calls++; return DelegateFunction.Echo("a"); });

        Assert.Equal(0, calls);
        Assert.True(registry.Contains("a"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(" padded")]
    public void Add_BadName_Throws(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => new FunctionRegistry().Add(name, () => DelegateFunction.Echo()));
    }

    [Fact]
    public void Add_DuplicateName_ThrowsNamingIt()
    {
        var registry = new FunctionRegistry().Add("a", () => DelegateFunction.Echo("a"));

        var ex = Assert.Throws<ArgumentException>(() => registry.Add("a", () => DelegateFunction.Echo("a")));

        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
    }
}
