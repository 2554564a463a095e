namespace AmiAutomation.Benchmarks.Simulated;

/// <summary>A timer of a <see cref="VirtualClock"/>: fires when the clock is fast-forwarded to <see cref="Due"/>.</summary>
internal sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
{
    public DateTimeOffset Due { get; set; }

    public TimeSpan Period { get; set; }

    public long Sequence { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        clock.Schedule(this, dueTime, period);
        return true;
    }

    public void Fire() => callback(state);

    public void Dispose() => clock.Unschedule(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
