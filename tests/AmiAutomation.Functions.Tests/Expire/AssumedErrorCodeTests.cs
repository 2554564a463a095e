using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Simulation;
using Amazon.EC2.Model;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>
/// The refusals whose error codes EC2 does not document (deregistering a protected or AWS Backup image), reached the only
/// way the product can reach them: the mark appears after the re-check, right before DeregisterImage. Each runs with the
/// simulator's assumed code and with the alternative (<see cref="SimulatorOptions.AlternativeErrorCodes"/>): the image
/// must survive and be reported failed either way, so no safety path depends on the guess.
/// </summary>
public sealed class AssumedErrorCodeTests : ExpireScenarioTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ProtectionEnabledAfterRecheck_RefusedWithEitherCode_ImageKeptAndReportedFailed(bool alternative)
    {
        _h.Ec2.Options.AlternativeErrorCodes = alternative;
        var target = Expired();
        Newest();
        // DescribeInstances: call 1 is the inventory's, call 2 the re-check's, the last read before DeregisterImage.
        _h.Ec2.Lies.AfterCall("DescribeInstances", 2, () => _h.Ec2.ClientFor(SweepHarness.Region)
            .EnableImageDeregistrationProtectionAsync(new EnableImageDeregistrationProtectionRequest { ImageId = target }).GetAwaiter().GetResult());

        var summary = await _h.InvokeAsync(_h.Expire());

        AssertRefused(summary, target, alternative ? SimulatedErrorCodes.Alternative.DeregistrationProtected : SimulatedErrorCodes.DeregistrationProtected);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AwsBackupMarkAfterRecheck_RefusedWithEitherCode_ImageKeptAndReportedFailed(bool alternative)
    {
        _h.Ec2.Options.AlternativeErrorCodes = alternative;
        var target = Expired();
        Newest();
        _h.Ec2.Lies.AfterCall("DescribeInstances", 2, () => _h.Ec2.SetImageTag(
            SweepHarness.Region, target, "aws:backup:source-resource", "arn:aws:ec2:eu-west-1:123456789012:instance/i-0123456789abcdef0"));

        var summary = await _h.InvokeAsync(_h.Expire());

        AssertRefused(summary, target, alternative ? SimulatedErrorCodes.Alternative.ManagedByAwsBackup : SimulatedErrorCodes.ManagedByAwsBackup);
    }

    private void AssertRefused(RunSummary summary, string target, string code)
    {
        Assert.True(Exists(target));
        var line = Line(summary, target);
        Assert.Equal((OutcomeNames.Failed, code), (line.Outcome, line.ErrorCode));
        Assert.Equal(1, _h.Ec2.Calls.CountOf("DeregisterImage"));
        Assert.Equal(0, summary.Deregistration!.Deregistered);
        Assert.False(_h.Ec2.IsImageInRecycleBin(SweepHarness.Region, target));
    }
}
