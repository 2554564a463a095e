using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Restore.OnDemand;
using AmiAutomation.Runtime.Functions;

namespace AmiAutomation.Functions.Tests.Restore.OnDemand;

/// <summary>Failed-launch events through the restore function on the simulator: a disabled image of ours is enabled
/// with its launch permissions back, a binned one restored, each exactly once however often the event comes.</summary>
public sealed class OnDemandRestoreTests
{
    private const string Region = RestoreHarness.Region;

    [Fact]
    public async Task Event_DisabledImageOfOurs_EnabledPermissionsBackHeldAndWhoNeededItLogged()
    {
        var h = OnDemandHarness.Create();
        var imageId = h.AddSharedImage();
        await h.DisableAsync(imageId);

        var output = await h.InvokeAsync(LaunchFailureEvents.RunInstances(imageId));

        Assert.Equal("on-demand", output.Action);
        Assert.Equal("enabled", output.Status);
        Assert.Equal(LaunchFailureEvents.Caller, output.NeededBy);
        Assert.Equal("available", h.Ec2.FindImage(Region, imageId)?.State.Value);
        var permissions = h.Ec2.LaunchPermissionsOf(Region, imageId);
        Assert.Contains(new LaunchPermission(LaunchPermissionKind.Account, OnDemandHarness.Partner), permissions);
        Assert.Contains(new LaunchPermission(LaunchPermissionKind.Organization, OnDemandHarness.Org), permissions);
        Assert.True(h.Tags(imageId).ContainsKey(TagNames.KeepUntil));
        Assert.Equal(1, h.Metric(OnDemandMetricNames.ImagesEnabledOnDemand));
        var line = Assert.Single(h.Logger.Entries, e => e.Template?.StartsWith("on-demand: {ImageId} {Status} because {NeededBy}", StringComparison.Ordinal) == true);
        Assert.Equal(LaunchFailureEvents.Caller, line["NeededBy"]);
        Assert.Equal("InvalidAMIID.Unavailable", line["ErrorCode"]);
    }

    [Fact]
    public async Task Event_SentFiveTimes_ExactlyOneEnableImage()
    {
        var h = OnDemandHarness.Create();
        var imageId = h.AddSharedImage();
        await h.DisableAsync(imageId);
        var json = LaunchFailureEvents.RunInstances(imageId);

        var statuses = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await h.InvokeAsync(json)).Status);
        }

        Assert.Equal(1, h.LiveCalls("EnableImage"));
        Assert.Equal(["enabled", "nothing-done", "nothing-done", "nothing-done", "nothing-done"], statuses);
        Assert.Equal(2, h.Ec2.LaunchPermissionsOf(Region, imageId).Count);
    }

    [Fact]
    public async Task Event_FiveConcurrentDuplicates_ExactlyOneEnableImage()
    {
        var h = OnDemandHarness.Create();
        var imageId = h.AddSharedImage();
        await h.DisableAsync(imageId);
        h.Ec2.Faults.SetLatency(TimeSpan.FromMilliseconds(30), "DescribeImages"); // every run reads before any enables

        var runs = await h.InvokeConcurrentlyAsync(LaunchFailureEvents.RunInstances(imageId), 5);

        Assert.Equal(1, h.LiveCalls("EnableImage"));
        Assert.Single(runs, r => r.Output.Status == "enabled");
        Assert.Equal(4, runs.Count(r => r.Output.Status == "nothing-done"));
        Assert.Equal(1, runs.Sum(r => r.Metrics.Data.Where(d => d.Name == OnDemandMetricNames.ImagesEnabledOnDemand).Sum(d => d.Value)));
        Assert.Equal("available", h.Ec2.FindImage(Region, imageId)?.State.Value);
    }

    [Fact]
    public async Task Event_BinnedImageWithLedgerRecord_RestoredOnceUnderDuplicatesAndConcurrency()
    {
        var h = OnDemandHarness.Create();
        var imageId = h.AddSharedImage();
        await h.RetireAsync(imageId);
        var json = LaunchFailureEvents.RunInstances(imageId, code: "InvalidAMIID.NotFound");

        var concurrent = await h.InvokeConcurrentlyAsync(json, 5);
        var again = await h.InvokeAsync(json);

        Assert.Equal(1, h.LiveCalls("RestoreImageFromRecycleBin"));
        Assert.Single(concurrent, r => r.Output.Status == "restored");
        Assert.Equal("nothing-done", again.Status);
        Assert.Equal("available", h.Ec2.FindImage(Region, imageId)?.State.Value);
        Assert.Contains(new LaunchPermission(LaunchPermissionKind.Account, OnDemandHarness.Partner), h.Ec2.LaunchPermissionsOf(Region, imageId));
        Assert.True(h.Tags(imageId).ContainsKey(TagNames.KeepUntil));
        Assert.Equal(LedgerStatus.Restored, (await h.Ledger.GetAsync(Region, imageId, CancellationToken.None))?.Status);
        Assert.Equal(1, concurrent.Sum(r => r.Metrics.Data.Where(d => d.Name == OnDemandMetricNames.ImagesRestoredOnDemand).Sum(d => d.Value)));
    }

    [Fact]
    public async Task Event_AutoEnableOff_IgnoredNothingChanged()
    {
        var h = OnDemandHarness.Create(onDemand: false);
        var imageId = h.AddSharedImage();
        await h.DisableAsync(imageId);
        var calls = h.Ec2.Calls.All.Count;

        var output = await h.InvokeAsync(LaunchFailureEvents.RunInstances(imageId));

        Assert.Equal("ignored", output.Status);
        Assert.Contains("AUTO_ENABLE_ON_DEMAND is off", output.Message, StringComparison.Ordinal);
        Assert.Equal(calls, h.Ec2.Calls.All.Count);
        Assert.Equal("disabled", h.Ec2.FindImage(Region, imageId)?.State.Value);
        Assert.Equal(1, h.Metric(OnDemandMetricNames.EventsIgnored));
    }

    [Fact]
    public async Task Event_DisabledByHandWithoutOurRecord_NothingDoneReasonSaysSo()
    {
        var h = OnDemandHarness.Create();
        var imageId = h.AddSharedImage();
        await h.DisableAsync(imageId, withRecord: false);

        var output = await h.InvokeAsync(LaunchFailureEvents.RunInstances(imageId));

        Assert.Equal("nothing-done", output.Status);
        Assert.Contains("not by this automation", Assert.Single(output.OnDemand!).Reason, StringComparison.Ordinal);
        Assert.Equal(0, h.LiveCalls("EnableImage"));
        Assert.Equal(1, h.Metric(OnDemandMetricNames.LaunchFailuresNotHealed));
    }

    [Fact]
    public async Task Event_BinnedWithoutLedgerRecordOrAnotherAccountsImage_NothingDone()
    {
        var h = OnDemandHarness.Create();
        var binned = h.AddSharedImage();
        await h.RetireAsync(binned, withRecord: false);
        var shared = h.AddImage(b => b.Named("vendor-image").OwnedBy("999999999999").SharedWithAccount(RestoreHarness.AccountId));
        var privateDisabled = h.AddImage(b => b.Named("vendor-old").OwnedBy("999999999999").Disabled());

        var first = await h.InvokeAsync(LaunchFailureEvents.RunInstances(binned));
        var second = await h.InvokeAsync(LaunchFailureEvents.RunInstances(shared));
        var third = await h.InvokeAsync(LaunchFailureEvents.RunInstances(privateDisabled, code: "InvalidAMIID.NotFound"));

        Assert.Contains("without a ledger record", Assert.Single(first.OnDemand!).Reason, StringComparison.Ordinal);
        Assert.Contains("owned by account 999999999999", Assert.Single(second.OnDemand!).Reason, StringComparison.Ordinal);
        Assert.Contains("not registered and not in this account's Recycle Bin", Assert.Single(third.OnDemand!).Reason, StringComparison.Ordinal);
        Assert.Equal(0, h.LiveCalls("RestoreImageFromRecycleBin") + h.LiveCalls("EnableImage"));
    }

    [Fact]
    public async Task Event_OtherRegion_RejectedNothingCalled()
    {
        var h = OnDemandHarness.Create();
        var imageId = h.AddSharedImage();
        await h.DisableAsync(imageId);
        var calls = h.Ec2.Calls.All.Count;

        await h.InvokeFailingAsync<InvalidEventException>(LaunchFailureEvents.RunInstances(imageId, region: "us-east-1"));

        Assert.Equal(calls, h.Ec2.Calls.All.Count);
        Assert.Equal("disabled", h.Ec2.FindImage(Region, imageId)?.State.Value);
    }

    [Fact]
    public async Task Event_DryRun_RehearsedNothingChanged()
    {
        var h = OnDemandHarness.Create();
        h.Environment[CommonSettings.DryRunVariable] = "true";
        var imageId = h.AddSharedImage();
        await h.DisableAsync(imageId);

        var output = await h.InvokeAsync(LaunchFailureEvents.RunInstances(imageId));

        Assert.Equal("dry-run", output.Status);
        Assert.Equal(0, h.LiveCalls("EnableImage"));
        Assert.Equal("disabled", h.Ec2.FindImage(Region, imageId)?.State.Value);
    }

    [Fact]
    public async Task Event_RunLeaseHeldByAnotherRun_ThrowsSoLambdaRetriesNothingChanged()
    {
        var h = OnDemandHarness.Create();
        h.Environment[CommonSettings.RunLeaseWaitSecondsVariable] = "0";
        var imageId = h.AddSharedImage();
        await h.DisableAsync(imageId);
        await h.RunLease.TryAcquireAsync(new RunLeaseHolder(Region, "other-run", "expire", h.Time.GetUtcNow(), h.Time.GetUtcNow().AddHours(1)), h.Time.GetUtcNow(), CancellationToken.None);

        var ex = await h.InvokeFailingAsync<OnDemandBlockedException>(LaunchFailureEvents.RunInstances(imageId));

        Assert.Contains("other-run", ex.Message, StringComparison.Ordinal);
        Assert.Equal("disabled", h.Ec2.FindImage(Region, imageId)?.State.Value);
    }

    [Fact]
    public async Task Event_MixedWithARequestByHand_Rejected()
    {
        var h = OnDemandHarness.Create();

        var ex = await h.InvokeFailingAsync<InvalidEventException>("""{"id": "e", "source": "aws.ec2", "detail-type": "AWS API Call via CloudTrail", "region": "eu-west-1", "detail": {}, "imageId": "ami-0a1b2c3d4e5f60718"}""");

        Assert.Contains("mixes an EventBridge event", ex.Message, StringComparison.Ordinal);
    }
}
