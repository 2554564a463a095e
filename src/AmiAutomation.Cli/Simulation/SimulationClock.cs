namespace AmiAutomation.Cli.Simulation;

/// <summary>
/// A manual clock for simulated runs: time moves only through <see cref="Advance"/> / <see cref="SetUtcNow"/>,
/// and timers created on it fire when the clock passes their due time (like FakeTimeProvider, which the CLI
/// does not reference). Time zone UTC, so runs are identical on every machine.
/// </summary>
/// <remarks>
/// With <see cref="AutoAdvance"/> (the default) a timer also moves the clock to its due time by itself: a function
/// that waits (a rate limiter's token, a Recycle Bin poll) lets simulated time pass instead of hanging, as time
/// would pass in Lambda. The driver then moves on with <see cref="AdvanceTo"/>, which never goes back.
/// </remarks>
public sealed class SimulationClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ClockTimer> _timers = [];
    private DateTimeOffset _now;

    public SimulationClock(DateTimeOffset start)
    {
        _now = start.ToUniversalTime();
    }

    /// <summary>Timers move the clock to their due time by themselves (see remarks). Default true.</summary>
    public bool AutoAdvance { get; set; } = true;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        SetUtcNow(GetUtcNow() + delta);
    }

    /// <summary>Moves the clock to <paramref name="target"/> unless it is already past it.</summary>
    public void AdvanceTo(DateTimeOffset target) => MoveTo(target, strict: false);

    /// <summary>Moves the clock to <paramref name="value"/> (never backwards) and fires the timers now due, in due order.</summary>
    public void SetUtcNow(DateTimeOffset value) => MoveTo(value, strict: true);

    private void MoveTo(DateTimeOffset value, bool strict)
    {
        lock (_gate)
        {
            if (value < _now && strict)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"The simulation clock cannot go back from {_now:O}.");
            }

            if (value > _now)
            {
                _now = value;
            }
        }

        while (NextDue() is { } timer)
        {
            timer.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ClockTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void AutoFire(ClockTimer timer, DateTimeOffset dueAt)
    {
        lock (_gate)
        {
            if (!_timers.Contains(timer) || timer.DueAt != dueAt)
            {
                return; // disposed or changed since
            }
        }

        AdvanceTo(dueAt);
    }

    private ClockTimer? NextDue()
    {
        lock (_gate)
        {
            ClockTimer? next = null;
            foreach (var timer in _timers)
            {
                if (timer.DueAt <= _now && (next is null || timer.DueAt < next.DueAt))
                {
                    next = timer;
                }
            }

            if (next is not null)
            {
                _timers.Remove(next);
                next.Reschedule();
            }

            return next;
        }
    }

    private sealed class ClockTimer(SimulationClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
                _period = period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    return true;
                }

                DueAt = clock._now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
                clock._timers.Add(this);
                if (clock.AutoAdvance)
                {
                    var dueAt = DueAt;
                    ThreadPool.UnsafeQueueUserWorkItem(_ => clock.AutoFire(this, dueAt), null);
                }

                return true;
            }
        }

        /// <summary>Called under the clock's lock after the timer was taken off the due list.</summary>
        public void Reschedule()
        {
            if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
            {
                DueAt += _period;
                clock._timers.Add(this);
            }
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
