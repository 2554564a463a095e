using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Inventory;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>Execution options at their limits (valid) and past them (an error naming the option and the value); the
/// executor refuses invalid options before any call.</summary>
public sealed class ExecutionOptionsTests : PlanExecutorTestBase
{
    [Fact]
    public void Validate_Defaults_AreValidAndSafe()
    {
        var options = new ExecutionOptions();

        Assert.Empty(options.Validate());
        Assert.True(options.DryRun);
        Assert.Equal(50, options.MaxDestructiveActions);
        Assert.Same(DisableGuard.Refuse, options.DisableGuard);
        Assert.Equal(TimeSpan.FromSeconds(10), options.RecheckListingMaxAge);
    }

    [Fact]
    public void Validate_MaxDestructiveActionsZero_IsValid()
    {
        Assert.Empty(new ExecutionOptions { MaxDestructiveActions = 0 }.Validate());
    }

    [Fact]
    public void Validate_MaxDestructiveActionsNegative_NamesOptionAndValue()
    {
        var error = Assert.Single(new ExecutionOptions { MaxDestructiveActions = -1 }.Validate());

        Assert.StartsWith("MaxDestructiveActions must be 0 or more", error, StringComparison.Ordinal);
        Assert.Contains("(is -1)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(60_000)]
    public void Validate_RecheckListingMaxAgeAtLimit_IsValid(int milliseconds)
    {
        Assert.Empty(new ExecutionOptions { RecheckListingMaxAge = TimeSpan.FromMilliseconds(milliseconds) }.Validate());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(60_001)]
    public void Validate_RecheckListingMaxAgePastLimit_NamesOptionAndValue(int milliseconds)
    {
        var age = TimeSpan.FromMilliseconds(milliseconds);

        var error = Assert.Single(new ExecutionOptions { RecheckListingMaxAge = age }.Validate());

        Assert.StartsWith("RecheckListingMaxAge must be 0–60 s", error, StringComparison.Ordinal);
        Assert.Contains($"(is {age})", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NullMembers_NameEachMember()
    {
        var options = new ExecutionOptions { Protection = null!, Guard = null!, DisableGuard = null!, DisabledRecheckSources = null! };

        var errors = options.Validate();

        Assert.Equal(
            ["Protection must be set.", "Guard must be set (use DeregistrationGuard.None).", "DisableGuard must be set (use DisableGuard.Refuse).", "DisabledRecheckSources must be set."],
            errors);
    }

    [Fact]
    public async Task ExecuteAsync_InvalidOptions_ThrowsListingEveryProblemBeforeAnyCall()
    {
        var plan = Plans.Of(Plans.Deregister(Image("ami-00000001")));
        var options = Real() with { MaxDestructiveActions = -3, RecheckListingMaxAge = TimeSpan.FromMinutes(2), DisabledRecheckSources = new HashSet<InventorySource>() };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => RunAsync(plan, options));

        Assert.StartsWith("Invalid execution options: MaxDestructiveActions must be 0 or more (is -3). RecheckListingMaxAge must be 0–60 s (is 00:02:00).", ex.Message, StringComparison.Ordinal);
        Assert.Equal("options", ex.ParamName);
        Assert.Equal(0, Ec2.TotalCalls);
        Assert.Single(Ec2.Images);
    }
}
