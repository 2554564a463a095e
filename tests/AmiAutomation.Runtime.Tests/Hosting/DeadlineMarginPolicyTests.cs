using AmiAutomation.Runtime.Hosting;

namespace AmiAutomation.Runtime.Tests.Hosting;

public sealed class DeadlineMarginPolicyTests
{
    [Theory]
    [InlineData(900_000, 5_000, 895_000)]
    [InlineData(60_000, 5_000, 55_000)]
    [InlineData(30_000, 3_000, 27_000)]
    [InlineData(10_000, 1_000, 9_000)]
    [InlineData(3_000, 500, 2_500)]
    [InlineData(400, 500, 0)]
    [InlineData(0, 500, 0)]
    [InlineData(-5_000, 500, 0)]
    public void Default_Remaining_GivesMarginAndDelay(int remainingMs, int marginMs, int delayMs)
    {
        var remaining = TimeSpan.FromMilliseconds(remainingMs);

        Assert.Equal(TimeSpan.FromMilliseconds(marginMs), DeadlineMarginPolicy.Default.MarginFor(remaining));
        Assert.Equal(TimeSpan.FromMilliseconds(delayMs), DeadlineMarginPolicy.Default.CancelAfter(remaining));
    }

    [Fact]
    public void Custom_Values_AreApplied()
    {
        var policy = new DeadlineMarginPolicy { Fraction = 0.5, Minimum = TimeSpan.FromSeconds(1), Maximum = TimeSpan.FromSeconds(2) };

        Assert.Equal(TimeSpan.FromSeconds(1), policy.MarginFor(TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromSeconds(1.5), policy.MarginFor(TimeSpan.FromSeconds(3)));
        Assert.Equal(TimeSpan.FromSeconds(2), policy.MarginFor(TimeSpan.FromSeconds(60)));
    }
}
