using AmiAutomation.Aws.RecycleBin;
using AmiAutomation.Aws.Tests.Support;
using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace AmiAutomation.Aws.Tests.RecycleBin;

public sealed class SnapshotWaiterTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private readonly IAmazonEC2 _ec2 = Substitute.For<IAmazonEC2>();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));

    private SnapshotWaiter Waiter() => new(new Ec2RestoreLookup(_ec2, "eu-west-1"), _time, Interval);

    /// <summary>Snapshots complete at the given times on the fake clock.</summary>
    private void CompleteAt(params (string Id, DateTimeOffset At, string Final)[] snapshots) =>
        _ec2.DescribeSnapshotsAsync(Arg.Any<DescribeSnapshotsRequest>(), Arg.Any<CancellationToken>())
            .Returns(call => new DescribeSnapshotsResponse
            {
                Snapshots = [.. snapshots
                    .Where(s => call.Arg<DescribeSnapshotsRequest>().SnapshotIds.Contains(s.Id))
                    .Select(s => new Snapshot { SnapshotId = s.Id, State = _time.GetUtcNow() >= s.At ? s.Final : "pending" })],
            });

    private async Task<SnapshotWaitResult> RunAsync(Task<SnapshotWaitResult> task)
    {
        for (var i = 0; i < 1000 && !task.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(1);
        }

        return await task;
    }

    [Fact]
    public async Task WaitAsync_PendingThenCompleted_PollsOnTheInjectedClock()
    {
        var start = _time.GetUtcNow();
        CompleteAt(("snap-00000000000000001", start.AddSeconds(40), "completed"), ("snap-00000000000000002", start.AddSeconds(10), "completed"));

        var result = await RunAsync(Waiter().WaitAsync(["snap-00000000000000001", "snap-00000000000000002"], CancellationToken.None));

        Assert.True(result.AllCompleted);
        Assert.Equal(["snap-00000000000000002", "snap-00000000000000001"], result.Completed);
        Assert.Equal(4, result.Polls);
        Assert.InRange(_time.GetUtcNow() - start, TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(50));
    }

    [Fact]
    public async Task WaitAsync_SnapshotGoesToError_StopsAndNamesIt()
    {
        CompleteAt(("snap-00000000000000001", _time.GetUtcNow().AddSeconds(20), "error"), ("snap-00000000000000002", _time.GetUtcNow().AddDays(1), "completed"));

        var result = await RunAsync(Waiter().WaitAsync(["snap-00000000000000001", "snap-00000000000000002"], CancellationToken.None));

        Assert.Equal(["snap-00000000000000001"], result.Failed);
        Assert.Equal(["snap-00000000000000002"], result.StillRestoring);
        Assert.False(result.AllCompleted);
    }

    [Fact]
    public async Task WaitAsync_DeadlineFirst_ReturnsWhatIsStillRestoring()
    {
        CompleteAt(("snap-00000000000000001", _time.GetUtcNow().AddHours(2), "completed"));
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1), _time);

        var result = await RunAsync(Waiter().WaitAsync(["snap-00000000000000001"], deadline.Token));

        Assert.Equal(["snap-00000000000000001"], result.StillRestoring);
        Assert.Empty(result.Completed);
        Assert.InRange(result.Polls, 4, 5);
    }

    [Fact]
    public async Task WaitAsync_Throttled_KeepsPolling()
    {
        var calls = 0;
        _ec2.DescribeSnapshotsAsync(Arg.Any<DescribeSnapshotsRequest>(), Arg.Any<CancellationToken>())
            .Returns(_ => ++calls == 1
                ? throw Ec2Exceptions.Throttled()
                : new DescribeSnapshotsResponse { Snapshots = [new Snapshot { SnapshotId = "snap-00000000000000001", State = SnapshotState.Completed }] });

        var result = await RunAsync(Waiter().WaitAsync(["snap-00000000000000001"], CancellationToken.None));

        Assert.True(result.AllCompleted);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task WaitAsync_NothingToWaitFor_MakesNoCall()
    {
        var result = await Waiter().WaitAsync([], CancellationToken.None);

        Assert.True(result.AllCompleted);
        await _ec2.DidNotReceiveWithAnyArgs().DescribeSnapshotsAsync(default!, default);
    }
}
