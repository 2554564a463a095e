using System.Text;
using System.Text.Json;
using AmiAutomation.Cli.Hosting;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Copy;
using AmiAutomation.Functions.Restore;

namespace AmiAutomation.Cli.Simulation;

/// <summary>
/// Runs the REAL functions over simulated days exactly as their triggers would: pipeline builds → the home stack's
/// copy gets the AMI State Change <c>available</c> event → copies finish → the destination stack's copy gets the
/// copy's event; every six hours the copy reconciler, daily the deprecate and expire sweeps in every region (each
/// expire checked by <see cref="SafetyAuditor"/>), and once, two thirds in, a restore of an image expired earlier.
/// </summary>
internal sealed class SimulationDriver
{
    public static readonly TimeSpan DeprecateAt = TimeSpan.FromHours(3);
    public static readonly TimeSpan ExpireAt = TimeSpan.FromHours(4);
    public static readonly TimeSpan RestoreAt = TimeSpan.FromHours(12);
    public static readonly TimeSpan ReconcileEvery = TimeSpan.FromHours(6);
    public static readonly TimeSpan RolloutDelay = TimeSpan.FromMinutes(90);

    private static readonly byte[] SchedulePayload = Encoding.UTF8.GetBytes("{\"source\":\"schedule\"}");
    private static readonly byte[] ReconcilePayload = Encoding.UTF8.GetBytes("{\"action\":\"reconcile\"}");

    private readonly SimulatedAccount _account;
    private readonly FleetActivity _activity;
    private readonly SimulationRecorder _recorder = new();
    private readonly SafetyAuditor _auditor;
    private readonly FleetCensus _census;
    private readonly PriorityQueue<Func<CancellationToken, Task>, (DateTimeOffset At, long Sequence)> _queue = new();
    private readonly List<DayReport> _days = [];
    private long _sequence;
    private int _events;
    private RestoreReport? _restore;

    public SimulationDriver(SimulatedAccount account, FleetActivity activity)
    {
        _account = account;
        _activity = activity;
        _auditor = new SafetyAuditor(account.Simulator, account.Ledger);
        _census = new FleetCensus(account.Simulator, account.Regions);
    }

    public async Task<SimulationReport> RunAsync(int days, int seed, Action<int>? dayDone, CancellationToken cancellationToken)
    {
        var start = _account.Clock.GetUtcNow();
        var restoreDay = Math.Max(2, (int)Math.Round(days * 2.0 / 3));
        for (var day = 1; day <= days; day++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _recorder.StartDay(day);
            var dayStart = start + TimeSpan.FromDays(day - 1);
            var dayEnd = dayStart + TimeSpan.FromDays(1);
            Schedule(dayStart, day, dayEnd, day == restoreDay);
            while (_queue.TryPeek(out _, out var next) && next.At < dayEnd)
            {
                var action = _queue.Dequeue();
                _account.Clock.AdvanceTo(next.At);
                await action(cancellationToken);
            }

            _account.Clock.AdvanceTo(dayEnd);
            _days.Add(DayReport(day, dayStart));
            dayDone?.Invoke(day);
        }

        return Report(seed, days, start);
    }

    private void Schedule(DateTimeOffset dayStart, int day, DateTimeOffset dayEnd, bool restoreToday)
    {
        foreach (var (family, at) in _activity.BuildsDue(dayEnd))
        {
            Enqueue(at, ct => BuildAsync(family, ct));
        }

        for (var at = dayStart; at < dayEnd; at += TimeSpan.FromHours(1))
        {
            Enqueue(at, DeliverFinishedCopiesAsync);
        }

        for (var at = dayStart + TimeSpan.FromMinutes(30); at < dayEnd; at += ReconcileEvery)
        {
            foreach (var region in _account.Regions)
            {
                Enqueue(at, ct => CopyAsync(region, ReconcilePayload, ct));
            }
        }

        foreach (var region in _account.Regions)
        {
            Enqueue(dayStart + DeprecateAt, ct => SweepAsync(region, "deprecate", ct));
            Enqueue(dayStart + ExpireAt, ct => ExpireAsync(region, ct));
        }

        if (restoreToday)
        {
            Enqueue(dayStart + RestoreAt, ct => RestoreAsync(day, ct));
        }
    }

    private void Enqueue(DateTimeOffset at, Func<CancellationToken, Task> action) => _queue.Enqueue(action, (at, _sequence++));

    private async Task BuildAsync(BuildFamily family, CancellationToken cancellationToken)
    {
        var imageId = _activity.Build(family);
        _recorder.Built();
        await CopyAsync(family.Region, Event(family.Region, imageId, "available"), cancellationToken);
        Enqueue(_account.Clock.GetUtcNow() + RolloutDelay, _ =>
        {
            _activity.RollOut(family);
            return Task.CompletedTask;
        });
    }

    private async Task DeliverFinishedCopiesAsync(CancellationToken cancellationToken)
    {
        foreach (var (region, imageId) in _recorder.PendingCopies.ToList())
        {
            var state = _account.Simulator.FindImage(region, imageId)?.State?.Value;
            if (state is "available" or "failed" || state is null)
            {
                _recorder.PendingCopies.Remove((region, imageId));
                if (state is not null)
                {
                    await CopyAsync(region, Event(region, imageId, state), cancellationToken);
                }
            }
        }
    }

    private async Task CopyAsync(string region, byte[] payload, CancellationToken cancellationToken)
    {
        var result = await _account.InvokeAsync(region, "copy", payload, cancellationToken);
        if (_recorder.Invoked(result, region) && result.Response is { } body)
        {
            _recorder.Copy(JsonSerializer.Deserialize(body, CopyJsonContext.Default.CopyOutput)!);
        }
    }

    private async Task SweepAsync(string region, string function, CancellationToken cancellationToken)
    {
        var result = await _account.InvokeAsync(region, function, SchedulePayload, cancellationToken);
        if (_recorder.Invoked(result, region) && result.Response is { } body)
        {
            _recorder.Sweep(JsonSerializer.Deserialize(body, FunctionsJsonContext.Default.RunSummary)!);
        }
    }

    private async Task ExpireAsync(string region, CancellationToken cancellationToken)
    {
        var check = await _auditor.BeforeExpireAsync(region, cancellationToken);
        await SweepAsync(region, "expire", cancellationToken);
        await check(cancellationToken);
    }

    private async Task RestoreAsync(int day, CancellationToken cancellationToken)
    {
        var candidate = _recorder.Expired.FirstOrDefault(e => _account.Simulator.IsImageInRecycleBin(e.Region, e.ImageId));
        if (candidate.ImageId is null)
        {
            return;
        }

        var payload = Encoding.UTF8.GetBytes($"{{\"imageId\":\"{candidate.ImageId}\"}}");
        var result = await _account.InvokeAsync(candidate.Region, "restore", payload, cancellationToken);
        string status = "failed", response;
        if (_recorder.Invoked(result, candidate.Region) && result.Response is { } body)
        {
            var output = JsonSerializer.Deserialize(body, RestoreJsonContext.Default.RestoreOutput)!;
            status = output.Status ?? "unknown";
            response = output.Message;
        }
        else
        {
            response = result.Error is { } error ? $"{error.ErrorType}: {error.ErrorMessage}" : "empty response";
        }

        _recorder.Restored(candidate.Region, candidate.ImageId, candidate.Name, status);
        var available = _account.Simulator.FindImage(candidate.Region, candidate.ImageId)?.State?.Value == "available";
        _restore = new RestoreReport(day, candidate.Region, candidate.ImageId, candidate.Name, candidate.Day, status == "restored", available, response);
    }

    private byte[] Event(string region, string imageId, string state)
    {
        var id = $"sim-event-{++_events:000000}";
        return AmiStateChangeEvent.Create(_account.AccountId, region, imageId, state, _account.Clock.GetUtcNow(), id,
            state == "failed" ? "Image copy failed" : null);
    }

    private DayReport DayReport(int day, DateTimeOffset dayStart)
    {
        var (available, deprecated, disabled, binned, gone) = _census.Count();
        var today = _recorder.Today;
        return new DayReport
        {
            Day = day,
            Date = DateOnly.FromDateTime(dayStart.UtcDateTime),
            Available = available,
            Deprecated = deprecated,
            Disabled = disabled,
            InRecycleBin = binned,
            DeregisteredForGood = gone,
            Built = today.Built,
            CopiesStarted = today.CopiesStarted,
            CopiesFinished = today.CopiesFinished,
            DeprecatedToday = today.Deprecated,
            ExpiredToday = today.Expired,
            Restored = today.Restored,
            SnapshotGiBReleased = Math.Round(today.SnapshotGiBReleased, 2),
            FunctionErrors = today.FunctionErrors,
        };
    }

    private SimulationReport Report(int seed, int days, DateTimeOffset start)
    {
        var totals = _recorder.Totals;
        return new SimulationReport
        {
            Seed = seed,
            DaysSimulated = days,
            Regions = _account.Regions,
            HomeRegion = _account.HomeRegion,
            StartedAt = start,
            FinishedAt = _account.Clock.GetUtcNow(),
            Policy = _account.Policy,
            Fleet = _account.InitialFleet,
            Days = _days,
            NotableDecisions = _recorder.Samples,
            SkipsByReason = _recorder.SkipsByReason,
            Restore = _restore,
            Totals = totals with
            {
                SnapshotGiBReleased = Math.Round(totals.SnapshotGiBReleased, 2),
                EstimatedMonthlySavingUsd = Math.Round(totals.EstimatedMonthlySavingUsd, 2),
            },
            Safety = _auditor.Report(),
            FunctionErrors = _recorder.Errors,
        };
    }
}
