using AmiAutomation.Core.Policies;

namespace AmiAutomation.Core.Tests.Policies;

public class PolicyValidationTests
{
    [Fact]
    public void Valid_HasNoErrors()
    {
        Assert.True(PolicyValidation.Valid.IsValid);
        Assert.Empty(PolicyValidation.Valid.Errors);
        PolicyValidation.Valid.ThrowIfInvalid("policy");
    }

    [Fact]
    public void Combine_TwoResults_KeepsEveryErrorInOrder()
    {
        var combined = new PolicyValidation(["a"]).Combine(PolicyValidation.Valid).Combine(new PolicyValidation(["b", "c"]));

        Assert.Equal(["a", "b", "c"], combined.Errors);
    }

    [Fact]
    public void ThrowIfInvalid_Errors_ThrowsWithEveryMessage()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PolicyValidation(["first problem.", "second problem."]).ThrowIfInvalid("policy"));

        Assert.Equal("policy", ex.ParamName);
        Assert.Contains("first problem.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("second problem.", ex.Message, StringComparison.Ordinal);
    }
}
