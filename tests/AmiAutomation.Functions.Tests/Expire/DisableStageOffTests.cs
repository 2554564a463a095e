using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Functions.Tests.Common;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>With the disable stage off (the default), expire leaves the ledger's disable records alone: a record left
/// pending by an earlier stage-on run is confirmed only once the stage is on again, dated from then.</summary>
public sealed class DisableStageOffTests : ExpireScenarioTests
{
    [Fact]
    public async Task StageOff_PendingDisableRecordNeitherReadNorConfirmed()
    {
        var image = Expired(daysOld: 200, deprecatedDaysAgo: 10, more: b => b.Disabled());
        Newest();
        await _h.Ledger.PutDisableRecordAsync(
            new DisableRecord
            {
                ImageId = image, Region = SweepHarness.Region, Name = image, Family = "svc", State = ImageState.Available,
                RunId = "stage-on-run", RecordedAt = SweepHarness.Start.AddDays(-1), Status = DisableRecordStatus.PendingDisable,
            },
            CancellationToken.None);
        _h.Ledger.Calls.Clear();

        await _h.InvokeAsync(_h.Expire());

        Assert.Equal(DisableRecordStatus.PendingDisable, _h.Ledger.DisableRecords.Single().Status);
        Assert.DoesNotContain(_h.Ledger.Calls, c => c.StartsWith("PutDisable", StringComparison.Ordinal));
    }
}
