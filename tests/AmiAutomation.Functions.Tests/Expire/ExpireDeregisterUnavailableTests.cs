using AmiAutomation.Core.Ledger;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Tests.Common;
using Amazon.EC2.Model;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>DeregisterImage answering InvalidAMIID.Unavailable, which EC2 gives both for an image that is already gone and
/// for one that exists but is not available right now. The image is read again: still there → the action failed (not
/// counted, ledger record stays pending); gone → someone deregistered it first (done, its snapshots not ours).</summary>
public sealed class ExpireDeregisterUnavailableTests : ExpireScenarioTests
{
    [Fact]
    public async Task DeregisterUnavailable_ImageStillThere_FailedNotDeregistered_LedgerRecordStaysPending()
    {
        var image = Expired();
        Newest();
        _h.Ec2.Faults.FailNext("DeregisterImage", 1, "InvalidAMIID.Unavailable");

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Equal(OutcomeNames.Failed, Line(summary, image).Outcome);
        Assert.Contains("still there", Line(summary, image).Detail, StringComparison.Ordinal);
        Assert.True(Exists(image));
        Assert.Equal(0, summary.Deregistration!.Deregistered);
        var record = Assert.Single(_h.Ledger.Records, r => r.ImageId == image);
        Assert.Equal(LedgerStatus.PendingDeregistration, record.Status);
    }

    [Fact]
    public async Task DeregisterUnavailable_SomeoneElseDeregisteredItFirst_AlreadyDeregisteredNotFailed()
    {
        var image = Expired();
        Newest();
        // DescribeInstances: call 1 is the inventory's, call 2 the re-check's; then another actor deregisters the image,
        // so our DeregisterImage gets InvalidAMIID.Unavailable for an image that is gone.
        _h.Ec2.Lies.AfterCall("DescribeInstances", 2, () => _h.Ec2.ClientFor(SweepHarness.Region)
            .DeregisterImageAsync(new DeregisterImageRequest { ImageId = image }).GetAwaiter().GetResult());

        var summary = await _h.InvokeAsync(_h.Expire());

        var line = Line(summary, image);
        Assert.Equal(OutcomeNames.Succeeded, line.Outcome);
        Assert.StartsWith("already deregistered (InvalidAMIID.Unavailable", line.Detail, StringComparison.Ordinal);
        Assert.False(Exists(image));
        Assert.Equal(2, _h.Ec2.Calls.CountOf("DeregisterImage"));
    }
}
