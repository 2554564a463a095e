using AmiAutomation.Cli.Simulation;

namespace AmiAutomation.Cli.Tests.Simulation;

public sealed class SimulationClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SetUtcNow_PastATimer_FiresItOnce()
    {
        var clock = new SimulationClock(Start) { AutoAdvance = false };
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMinutes(4));
        var before = fired;
        clock.Advance(TimeSpan.FromMinutes(2));
        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(0, before);
        Assert.Equal(1, fired);
    }

    [Fact]
    public void SetUtcNow_Backwards_Throws()
    {
        var clock = new SimulationClock(Start);

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetUtcNow(Start.AddSeconds(-1)));
        clock.AdvanceTo(Start.AddSeconds(-1));
        Assert.Equal(Start, clock.GetUtcNow());
    }

    [Fact]
    public async Task Delay_WithAutoAdvance_CompletesAndMovesTheClockByTheDelay()
    {
        var clock = new SimulationClock(Start);

        await Task.Delay(TimeSpan.FromSeconds(30), clock).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Start.AddSeconds(30), clock.GetUtcNow());
        Assert.Equal(TimeZoneInfo.Utc, clock.LocalTimeZone);
    }

    [Fact]
    public void DisposedTimer_NeverFires()
    {
        var clock = new SimulationClock(Start) { AutoAdvance = false };
        var fired = false;
        var timer = clock.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        timer.Dispose();
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.False(fired);
    }
}
