using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;
using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>The stage check on its own: the end-to-end run never gets an available image this far (the re-check
/// refuses a state change first), so its own refusal is tried here.</summary>
public sealed class DisableStageCheckTests
{
    [Fact]
    public async Task CheckAsync_ImageAvailable_SkippedNamingItsStateWithoutReadingTheLedger()
    {
        var ledger = new RecordingLedger { FailDisableReads = true };
        var check = new DisableStageCheck(ledger, new FakeTimeProvider(SweepHarness.Start), TimeSpan.FromDays(10));

        var (skip, record) = await check.CheckAsync(GuardContexts.For("ami-0aaaaaaaaaaaaaaa1", DecisionAction.Deregister, ImageState.Available), CancellationToken.None);

        Assert.Null(record);
        Assert.StartsWith(nameof(ReasonCode.NotDisabledLongEnough), skip, StringComparison.Ordinal);
        Assert.Contains("the image is available, not disabled", skip, StringComparison.Ordinal);
    }
}
