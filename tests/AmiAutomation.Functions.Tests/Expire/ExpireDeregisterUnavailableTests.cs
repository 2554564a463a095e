using AmiAutomation.Core.Ledger;
using AmiAutomation.Functions.Tests.Common;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>DeregisterImage answering InvalidAMIID.Unavailable: the image may well still exist, so the action failed;
/// it is not counted as deregistered and its ledger record is not marked Deregistered.</summary>
public sealed class ExpireDeregisterUnavailableTests : ExpireScenarioTests
{
    [Fact]
    public async Task DeregisterUnavailable_FailedNotDeregistered_LedgerRecordStaysPending()
    {
        var image = Expired();
        Newest();
        _h.Ec2.Faults.FailNext("DeregisterImage", 1, "InvalidAMIID.Unavailable");

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Equal("failed", Line(summary, image).Outcome);
        Assert.True(Exists(image));
        Assert.Equal(0, summary.Deregistration!.Deregistered);
        var record = Assert.Single(_h.Ledger.Records, r => r.ImageId == image);
        Assert.Equal(LedgerStatus.PendingDeregistration, record.Status);
    }
}
