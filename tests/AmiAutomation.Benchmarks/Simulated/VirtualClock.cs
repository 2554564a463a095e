namespace AmiAutomation.Benchmarks.Simulated;

/// <summary>
/// A fast-forwarding clock for discrete-event runs. Time stands still while code runs; when the work started by
/// <see cref="RunAsync{T}"/> waits on a timer of this clock (a rate limiter's <c>Task.Delay</c>, a poll interval), the
/// clock jumps to that timer's due time and fires it. Everything that shares the clock (the client-side rate limiter,
/// the simulator's token buckets and timestamps) sees one consistent time line, so simulated minutes pass in
/// milliseconds. Valid only for work that, when idle, waits on this clock's timers alone (no real I/O, no real delays):
/// a run that waits on anything else stalls and is reported after <see cref="StallLimit"/>.
/// </summary>
internal sealed class VirtualClock : TimeProvider
{
    /// <summary>Real time the work may spend without finishing and without a timer to fire.</summary>
    public static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private readonly List<VirtualTimer> _scheduled = [];
    private readonly SemaphoreSlim _changed = new(0);
    private DateTimeOffset _now;
    private long _sequence;

    public VirtualClock(DateTimeOffset start) => _now = start.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _now.UtcTicks;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Runs <paramref name="work"/> on the thread pool and fast-forwards to each timer it waits on.</summary>
    /// <exception cref="TimeoutException">The work neither finished nor waited on this clock for <see cref="StallLimit"/>.</exception>
    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        var task = Task.Run(work);
        var idleSince = TimeProvider.System.GetTimestamp();
        while (!task.IsCompleted)
        {
            if (FireNext())
            {
                idleSince = TimeProvider.System.GetTimestamp();
                continue;
            }

            await _changed.WaitAsync(TimeSpan.FromMilliseconds(5)).ConfigureAwait(false);
            if (!task.IsCompleted && TimeProvider.System.GetElapsedTime(idleSince) > StallLimit)
            {
                throw new TimeoutException($"The work made no progress for {StallLimit.TotalSeconds} s and waits on nothing this virtual clock can fire.");
            }
        }

        return await task.ConfigureAwait(false);
    }

    /// <summary>(Re)schedules <paramref name="timer"/>; infinite <paramref name="dueTime"/> unschedules it.</summary>
    internal void Schedule(VirtualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            _scheduled.Remove(timer);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                timer.Due = _now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
                timer.Period = period;
                timer.Sequence = ++_sequence;
                _scheduled.Add(timer);
            }
        }

        _changed.Release();
    }

    internal void Unschedule(VirtualTimer timer)
    {
        lock (_gate)
        {
            _scheduled.Remove(timer);
        }
    }

    /// <summary>Moves the clock to the earliest scheduled timer and fires it; false when none is scheduled.</summary>
    private bool FireNext()
    {
        VirtualTimer next;
        lock (_gate)
        {
            if (_scheduled.Count == 0)
            {
                return false;
            }

            next = _scheduled.MinBy(t => (t.Due, t.Sequence))!;
            _scheduled.Remove(next);
            if (next.Due > _now)
            {
                _now = next.Due;
            }

            if (next.Period > TimeSpan.Zero && next.Period != Timeout.InfiniteTimeSpan)
            {
                next.Due = _now + next.Period;
                next.Sequence = ++_sequence;
                _scheduled.Add(next);
            }
        }

        next.Fire();
        return true;
    }
}
