using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.Runtime.Tests.Support;
using AmiAutomation.TestKit.RuntimeApi;
using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Runtime.Tests.Hosting;

public sealed class LambdaBootstrapDeadlineAndTraceTests : IAsyncLifetime
{
    private const string TraceVariable = "_X_AMZN_TRACE_ID";
    private readonly HostHarness _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RunAsync_DeadlineHeader_GivesContextDeadlineAndTokenThatFiresAtMargin()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
        var deadline = time.GetUtcNow().AddSeconds(10);
        var started = new TaskCompletionSource<InvocationContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Start(new FunctionRegistry().Add("f", () => new DelegateFunction("f", async (_, context) =>
        {
            started.SetResult(context);
            await release.Task;
            return null;
        })), "f", time: time);
        _host.Api.Enqueue(FakeInvocation.Json("r1", "{}") with { DeadlineMs = deadline.ToUnixTimeMilliseconds() });

        var context = await started.Task.WaitAsync(HostHarness.Wait);

        Assert.Equal(deadline, context.Deadline);
        Assert.Equal(TimeSpan.FromSeconds(10), context.RemainingTime);
        time.Advance(TimeSpan.FromMilliseconds(8_999));
        Assert.False(context.CancellationToken.IsCancellationRequested);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(context.CancellationToken.IsCancellationRequested);
        Assert.True(time.GetUtcNow() < context.Deadline);
        Assert.Equal(TimeSpan.FromSeconds(1), context.RemainingTime);
        release.SetResult();
        Assert.Equal(RecordedRequestKind.Response, (await _host.Api.WaitForResultAsync("r1")).Kind);
    }

    [Fact]
    public async Task RunAsync_DeadlineAlreadyPassed_TokenIsCancelledAndRemainingTimeIsZero()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
        var seen = new TaskCompletionSource<(bool Cancelled, TimeSpan Remaining)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Start(new FunctionRegistry().Add("f", () => new DelegateFunction("f", (_, context) =>
        {
            seen.SetResult((context.CancellationToken.IsCancellationRequested, context.RemainingTime));
            return Task.FromResult<byte[]?>(null);
        })), "f", time: time);
        _host.Api.Enqueue(FakeInvocation.Json("r1", "{}") with { DeadlineMs = time.GetUtcNow().AddSeconds(-1).ToUnixTimeMilliseconds() });

        var (cancelled, remaining) = await seen.Task.WaitAsync(HostHarness.Wait);

        Assert.True(cancelled);
        Assert.Equal(TimeSpan.Zero, remaining);
    }

    [Fact]
    public async Task RunAsync_DeadlineDaysAway_NoTimerAndTokenNotCancelled()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
        var seen = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Start(new FunctionRegistry().Add("f", () => new DelegateFunction("f", (_, context) =>
        {
            seen.SetResult(context.CancellationToken.IsCancellationRequested);
            return Task.FromResult<byte[]?>(null);
        })), "f", time: time);
        _host.Api.Enqueue(FakeInvocation.Json("r1", "{}") with { DeadlineMs = time.GetUtcNow().AddDays(400).ToUnixTimeMilliseconds() });

        Assert.False(await seen.Task.WaitAsync(HostHarness.Wait));
        Assert.Equal(RecordedRequestKind.Response, (await _host.Api.WaitForResultAsync("r1")).Kind);
    }

    [Fact]
    public async Task RunAsync_TraceHeaders_SetDuringEachInvocationAndRemovedAfter()
    {
        var seen = new List<string?>();
        _host.Start(new FunctionRegistry().Add("f", () => new DelegateFunction("f", (_, context) =>
        {
            seen.Add(_host.Environment.Get(TraceVariable));
            return Task.FromResult<byte[]?>(null);
        })), "f", new Dictionary<string, string?> { [TraceVariable] = "Root=stale-from-start" });
        _host.Api.Enqueue(FakeInvocation.Json("r1", "{}") with { TraceId = "Root=1-aaa;Sampled=1" });
        _host.Api.Enqueue(FakeInvocation.Json("r2", "{}") with { TraceId = "Root=1-bbb;Sampled=0" });
        _host.Api.Enqueue(FakeInvocation.Json("r3", "{}"));

        await _host.Api.WaitForResultAsync("r3");
        await _host.StopAsync();

        Assert.Equal(["Root=1-aaa;Sampled=1", "Root=1-bbb;Sampled=0", null], seen);
        Assert.Null(_host.Environment.Get(TraceVariable));
        Assert.All(_host.Environment.Writes, w => Assert.Equal(TraceVariable, w.Name));
        Assert.Equal(
            ["Root=1-aaa;Sampled=1", null, "Root=1-bbb;Sampled=0", null, null, null],
            _host.Environment.Writes.Select(w => w.Value));
    }
}
