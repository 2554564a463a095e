using System.Text;
using System.Text.Json;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Composition;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Simulation.Ledger;
using Amazon.EC2.Model;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>
/// Two expire runs on one family, interleaved step by step: run A is paused inside its guard (after its image
/// re-check, right before its ledger write) while run B runs to the end; then A resumes. With the lease bypassed (each
/// run its own lease) only the family re-count right before DeregisterImage stands between A and an empty family; with
/// the shared lease the second run is blocked before it reads anything.
/// </summary>
public sealed class ExpireConcurrencyTests : ExpireScenarioTests
{
    private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _resume = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Two disabled, long-deprecated images: neither is ranked "newest", so only last-of-family protects one.</summary>
    private (string Older, string Newer) TwoImageFamily()
    {
        var older = Expired("legacy", daysOld: 300, more: b => b.Disabled());
        var newer = Expired("legacy", daysOld: 200, more: b => b.Disabled());
        return (older, newer);
    }

    /// <summary>Pauses the first put for <paramref name="imageId"/> until <see cref="_resume"/>.</summary>
    private void PauseRunAt(string imageId)
    {
        var once = 0;
        _h.Ledger.BeforePut = async record =>
        {
            if (record.ImageId == imageId && Interlocked.Exchange(ref once, 1) == 0)
            {
                _paused.SetResult();
                await _resume.Task;
            }
        };
    }

    private ExpireFunction ExpireWith(IRunLease lease)
    {
        var shared = _h.Services;
        return new ExpireFunction(
            new FunctionServices
            {
                Region = shared.Region,
                Ec2 = shared.Ec2,
                Apis = shared.Apis,
                Ledger = shared.Ledger,
                RunLease = lease,
                Time = shared.Time,
                Environment = shared.Environment,
            },
            _h.RateLimiters,
            TimeSpan.FromSeconds(2));
    }

    private async Task<RunSummary> Run(ExpireFunction function, params string[] imageIds)
    {
        var payload = JsonSerializer.Serialize(new { dryRun = false, imageIds });
        var output = await function.InvokeAsync(Encoding.UTF8.GetBytes(payload), _h.Context());
        return JsonSerializer.Deserialize(output, FunctionsJsonContext.Default.RunSummary)!;
    }

    /// <summary>Waits for <paramref name="task"/>, advancing the fake clock while it waits on it (Recycle Bin polls).</summary>
    private async Task<T> Drive<T>(Task<T> task)
    {
        for (var i = 0; i < 5_000 && !task.IsCompleted; i++)
        {
            _h.Time.Advance(TimeSpan.FromMilliseconds(200));
            await Task.Delay(1);
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Run A on <paramref name="a"/> (paused inside its guard), run B on <paramref name="b"/> in full, then A.</summary>
    private async Task<(RunSummary A, RunSummary B)> Interleave(ExpireFunction runA, string a, ExpireFunction runB, string b)
    {
        PauseRunAt(a);
        var first = Run(runA, a);
        await _paused.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = await Drive(Run(runB, b));
        _resume.SetResult();
        return (await Drive(first), second);
    }

    [Fact]
    public async Task TwoRuns_LeaseBypassed_TwoImageFamily_NeverLeftEmpty()
    {
        var (older, newer) = TwoImageFamily();

        var (a, b) = await Interleave(ExpireWith(new InMemoryRunLease()), older, ExpireWith(new InMemoryRunLease()), newer);

        Assert.Equal("succeeded", Line(b, newer).Outcome);
        Assert.False(Exists(newer));
        Assert.True(Exists(older));
        Assert.Equal("skipped", Line(a, older).Outcome);
        Assert.Contains("LastOfFamily", Line(a, older).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoRuns_LeaseBypassed_ThreeImageFamily_NeverBelowKeepNewest()
    {
        _h.Live().Set(ExpireSettings.KeepNewestVariable, "2");
        var oldest = Expired("svc", daysOld: 300);
        var middle = Expired("svc", daysOld: 200);
        var newest = Newest();
        var person = _h.Ec2.ClientFactory.ForRegion(SweepHarness.Region);
        PauseRunAt(oldest);

        // Run A plans [oldest] with two newer images; while it waits in its guard, someone else deregisters the newest.
        var first = Run(ExpireWith(new InMemoryRunLease()), oldest);
        await _paused.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await person.DeregisterImageAsync(new DeregisterImageRequest { ImageId = newest });
        _resume.SetResult();
        var a = await Drive(first);

        Assert.True(Exists(oldest));
        Assert.True(Exists(middle));
        Assert.Equal("skipped", Line(a, oldest).Outcome);
        Assert.Contains("NewestInFamily", Line(a, oldest).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoRuns_SharedLease_SecondRunBlockedAndFamilyKeepsOne()
    {
        var (older, newer) = TwoImageFamily();
        var lease = new InMemoryRunLease();

        var (a, b) = await Interleave(ExpireWith(lease), older, ExpireWith(lease), newer);

        Assert.Equal(RunStatus.Blocked, b.Status);
        Assert.Contains("(expire)", b.BlockedReason, StringComparison.Ordinal);
        Assert.True(Exists(newer));
        Assert.Equal(RunStatus.Succeeded, a.Status);
        Assert.False(Exists(older));
    }

    [Fact]
    public async Task TwoRuns_OneAfterTheOther_TwoImageFamily_SecondRunKeepsTheLast()
    {
        var (older, newer) = TwoImageFamily();
        var lease = new InMemoryRunLease();

        var a = await Drive(Run(ExpireWith(lease), older));
        var b = await Drive(Run(ExpireWith(lease), newer));

        Assert.False(Exists(older));
        Assert.True(Exists(newer));
        Assert.Equal("LastOfFamily", Line(b, newer).Reason);
        Assert.Equal(RunStatus.Succeeded, a.Status);
    }
}
