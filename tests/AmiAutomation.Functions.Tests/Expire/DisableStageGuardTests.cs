using System.Net;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;
using EnableImageRequest = Amazon.EC2.Model.EnableImageRequest;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>
/// The disable stage's last check before a DeregisterImage (the ledger read again, the image as re-read) and the
/// confirmation of pending disable records: each refusal names what it found.
/// </summary>
public sealed class DisableStageGuardTests : DisableStageScenario
{
    /// <summary>An image the stage disabled; the clock then set past its expiry, and a hook that runs
    /// <paramref name="afterPlanning"/> once the next run has read its inventory.</summary>
    private async Task<(string Image, DateTimeOffset DisabledAt)> DueForDeregistrationAsync(Action<string, DateTimeOffset>? afterPlanning = null)
    {
        var image = DueForDisable();
        Newest();
        await ExpireAsync();
        var disabledAt = DisableRecord(image)!.DisabledAt!.Value;
        _h.Time.SetUtcNow(disabledAt + ExpireAfterDisabled + TimeSpan.FromDays(1));
        if (afterPlanning is not null)
        {
            _h.Ec2.Lies.AfterCall("DescribeImageReferences", _h.Ec2.Calls.CountOf("DescribeImageReferences") + 1, () => afterPlanning(image, disabledAt));
        }

        return (image, disabledAt);
    }

    private void PutRecord(DisableRecord record) => _h.Ledger.PutDisableRecordAsync(record, CancellationToken.None).GetAwaiter().GetResult();

    private static string SkipDetail(RunSummary summary, string image)
    {
        var line = Line(summary, image);
        Assert.Equal((Deregister, OutcomeNames.Skipped), (line.Action, line.Outcome));
        Assert.Contains("NotDisabledLongEnough", line.Detail, StringComparison.Ordinal);
        return line.Detail!;
    }

    [Fact]
    public async Task Guard_RecordPendingAgainAfterPlanning_NotDeregisteredNamingTheStatus()
    {
        var (image, _) = await DueForDeregistrationAsync((id, _) => PutRecord(DisableRecord(id)! with { Status = DisableRecordStatus.PendingDisable, DisabledAt = null }));

        var detail = SkipDetail(await _h.InvokeAsync(_h.Expire()), image);

        Assert.Contains("no confirmed disable of it now (PendingDisable)", detail, StringComparison.Ordinal);
        Assert.Equal("disabled", State(image));
    }

    [Fact]
    public async Task Guard_RecordGoneAfterPlanning_NotDeregisteredSayingNoRecord()
    {
        var (image, _) = await DueForDeregistrationAsync((id, _) => _h.Ledger.RemoveDisableRecord(Region, id));

        var detail = SkipDetail(await _h.InvokeAsync(_h.Expire()), image);

        Assert.Contains("no confirmed disable of it now (no record)", detail, StringComparison.Ordinal);
        Assert.Equal("disabled", State(image));
        Assert.Empty(_h.Ledger.Records);
    }

    [Fact]
    public async Task Guard_DisableRedatedToNowAfterPlanning_TooRecentNotClockSkew()
    {
        // Dated exactly now (not after it): the wait has just begun, which is no clock skew.
        var (image, _) = await DueForDeregistrationAsync((id, _) => PutRecord(DisableRecord(id)! with { DisabledAt = _h.Time.GetUtcNow() }));

        var detail = SkipDetail(await _h.InvokeAsync(_h.Expire()), image);

        Assert.Contains("less than 10 days", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("clock skew", detail, StringComparison.Ordinal);
        Assert.Equal("disabled", State(image));
    }

    [Fact]
    public async Task Guard_DisableRedatedIntoTheFutureAfterPlanning_ClockSkewNamed()
    {
        var (image, disabledAt) = await DueForDeregistrationAsync((id, at) => PutRecord(DisableRecord(id)! with { DisabledAt = at.AddDays(365) }));

        var detail = SkipDetail(await _h.InvokeAsync(_h.Expire()), image);

        Assert.Contains("clock skew", detail, StringComparison.Ordinal);
        Assert.Contains(Core.Tagging.TagTime.Format(disabledAt.AddDays(365)), detail, StringComparison.Ordinal);
        Assert.Equal("disabled", State(image));
    }

    [Fact]
    public async Task Guard_ImageEnabledAfterPlanning_NotDeregistered()
    {
        var (image, _) = await DueForDeregistrationAsync((id, _) =>
            _h.Ec2.ClientFor(Region).EnableImageAsync(new EnableImageRequest { ImageId = id }).GetAwaiter().GetResult());

        var summary = await _h.InvokeAsync(_h.Expire());

        var line = Line(summary, image);
        Assert.Equal((Deregister, OutcomeNames.Skipped), (line.Action, line.Outcome));
        Assert.Contains("state changed from Disabled to Available", line.Detail, StringComparison.Ordinal);
        Assert.Equal("available", State(image));
        Assert.Equal(0, _h.Ec2.Calls.CountOf("DeregisterImage"));
    }

    [Fact]
    public async Task PendingRecord_ImageNotDisabled_StaysPending()
    {
        // The record was written, DisableImage then failed: the image is still available and not due for a disable yet.
        var image = Expired(daysOld: 200, deprecatedDaysAgo: 10);
        Newest();
        PutRecord(PendingRecord(image));

        var summary = await ExpireAsync();

        Assert.Equal(None, Line(summary, image).Action);
        Assert.Equal((DisableRecordStatus.PendingDisable, (DateTimeOffset?)null), (DisableRecord(image)!.Status, DisableRecord(image)!.DisabledAt));
        Assert.Equal("available", State(image));
    }

    [Fact]
    public async Task PendingRecord_DescribeImagesFails_StaysPendingAndTheRunGoesOn()
    {
        var pending = DueForDisable(b => b.Disabled());
        var due = DueForDisable();
        Newest();
        PutRecord(PendingRecord(pending));
        // The confirmation's DescribeImages is the run's first.
        _h.Ec2.Faults.FailNext("DescribeImages", 1, "InternalError", HttpStatusCode.InternalServerError);

        var summary = await ExpireAsync();

        Assert.Equal(DisableRecordStatus.PendingDisable, DisableRecord(pending)!.Status);
        AssertLine(summary, due, Disable, Succeeded, "DeprecatedLongEnoughToDisable");
        Assert.Equal("disabled", State(pending));
        Assert.Empty(summary.Errors);
    }

    [Fact]
    public async Task DisableRecordsUnreadable_ReasonSaysWhy()
    {
        var image = DueForDisable();
        Newest();
        _h.Ledger.FailDisableReads = true;

        var summary = await ExpireAsync();

        var reason = string.Join(" ", Line(summary, image).Reasons);
        Assert.Contains("disable records could not be read", reason, StringComparison.Ordinal);
        Assert.Contains("simulated ledger outage", reason, StringComparison.Ordinal);
        Assert.Equal("available", State(image));
    }

    [Fact]
    public async Task Disable_PublicImage_RecordKeepsPublicOnce()
    {
        _h.Live().Set(ExpireSettings.AllowPublicVariable, "true");
        var image = DueForDisable(b => b.Public());
        Newest();

        var summary = await ExpireAsync();

        AssertLine(summary, image, Disable, Succeeded, "DeprecatedLongEnoughToDisable");
        Assert.Equal([LaunchPermission.Public], DisableRecord(image)!.LaunchPermissions);
        Assert.False(_h.Image(image)!.Public);
    }

    private static DisableRecord PendingRecord(string imageId) => new()
    {
        ImageId = imageId,
        Region = Region,
        Name = imageId,
        Family = "svc",
        State = ImageState.Available,
        LaunchPermissions = [],
        Reasons = ["DeprecatedLongEnoughToDisable"],
        RunId = "earlier-run",
        RecordedAt = Tests.Common.SweepHarness.Start.AddDays(-1),
        Status = DisableRecordStatus.PendingDisable,
    };
}
