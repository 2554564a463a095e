using AmiAutomation.Core.Ledger;
using AmiAutomation.Functions.Tests.Common;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>The expire payload <c>{"clearLatch": …}</c>: alone in its payload, a live action recorded with who and why,
/// and an honest summary when there was nothing to clear.</summary>
public sealed class LatchClearingTests : ExpireScenarioTests
{
    private const string Region = SweepHarness.Region;

    private async Task SetLatchAsync(string imageId) => await _h.Ledger.SetLatchAsync(
        new RecycleBinLatch { Region = Region, SetAt = SweepHarness.Start, RunId = "run-1", ImageId = imageId, Reason = "snapshot not in the bin" },
        CancellationToken.None);

    [Theory]
    [InlineData("""{"clearLatch": {"reason": "rule restored"}, "dryRun": true}""")]
    [InlineData("""{"clearLatch": {"reason": "rule restored"}, "families": ["svc"]}""")]
    public async Task ClearLatch_WithASweepField_RejectedLatchStaysSet(string json)
    {
        await SetLatchAsync("ami-0123456789abcdef0");

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => _h.InvokeAsync(_h.Expire(), json));

        Assert.Contains("clearLatch must be alone", ex.Message, StringComparison.Ordinal);
        Assert.True(_h.Ledger.LatchOf(Region)!.IsSet);
    }

    [Fact]
    public async Task ClearLatch_NoReasonAndASweepField_BothProblemsNamed()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => _h.InvokeAsync(_h.Expire(), """{"clearLatch": {}, "imageIds": ["ami-0123456789abcdef0"]}"""));

        // Every problem at once, each its own sentence.
        Assert.Contains("why deregistering is safe again. clearLatch must be alone", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClearLatch_NoBy_RecordsThePayloadAndRequestLiveUnderItsSource()
    {
        var image = Expired();
        Newest();
        await SetLatchAsync(image);

        var summary = await _h.InvokeAsync(_h.Expire(), """{"source": "ops-console", "clearLatch": {"reason": "rule restored"}}""");

        var latch = _h.Ledger.LatchOf(Region)!;
        Assert.False(latch.IsSet);
        Assert.Equal(($"expire payload (request {summary.RunId})", "rule restored"), (latch.ClearedBy, latch.ClearReason));
        Assert.Equal(("ops-console", false), (summary.Source, summary.DryRun));
        Assert.Contains("rule restored", summary.Latch, StringComparison.Ordinal);
        Assert.Empty(summary.Decisions);
        Assert.True(Exists(image));
    }

    [Fact]
    public async Task ClearLatch_NoSource_Manual()
    {
        await SetLatchAsync("ami-0123456789abcdef0");

        var summary = await _h.InvokeAsync(_h.Expire(), """{"clearLatch": {"reason": "rule restored", "by": "ops@example.com"}}""");

        Assert.Equal(("manual", false), (summary.Source, summary.DryRun));
        Assert.Equal("ops@example.com", _h.Ledger.LatchOf(Region)!.ClearedBy);
    }

    [Fact]
    public async Task ClearLatch_NeverSet_SaysNothingCleared()
    {
        var summary = await _h.InvokeAsync(_h.Expire(), """{"clearLatch": {"reason": "just in case"}}""");

        Assert.Equal("the Recycle Bin latch was not set; nothing cleared", summary.Latch);
        Assert.Null(_h.Ledger.LatchOf(Region));
    }

    [Fact]
    public async Task ClearLatch_AlreadyCleared_SaysNothingClearedAndShowsTheLastClearing()
    {
        await SetLatchAsync("ami-0123456789abcdef0");
        await _h.InvokeAsync(_h.Expire(), """{"clearLatch": {"reason": "first clearing", "by": "alice@example.com"}}""");

        var again = await _h.InvokeAsync(_h.Expire(), """{"clearLatch": {"reason": "second clearing", "by": "bob@example.com"}}""");

        Assert.StartsWith("the Recycle Bin latch was not set; nothing cleared (last record: ", again.Latch, StringComparison.Ordinal);
        Assert.Contains("alice@example.com (first clearing)", again.Latch, StringComparison.Ordinal);
        Assert.Equal("alice@example.com", _h.Ledger.LatchOf(Region)!.ClearedBy);
    }

    [Fact]
    public async Task ClearLatch_LatchReadsFailing_ClearsWithoutReadingItBack()
    {
        // The clearing's own write returns the cleared latch: no second read (which could fail after the clear succeeded).
        await SetLatchAsync("ami-0123456789abcdef0");
        _h.Ledger.FailLatchReads = true;

        var summary = await _h.InvokeAsync(_h.Expire(), """{"clearLatch": {"reason": "rule restored", "by": "ops@example.com"}}""");

        Assert.StartsWith("Recycle Bin latch cleared", summary.Latch, StringComparison.Ordinal);
        Assert.False(_h.Ledger.LatchOf(Region)!.IsSet);
    }
}
