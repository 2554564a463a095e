using AmiAutomation.Core.Ledger;
using AmiAutomation.Functions.Common;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>
/// With the disable stage on, expire never deregisters an image that was not disabled long enough: the boundary to the
/// tick, a disable time in the future (clock skew), a disable not dated by the ledger, and a record that changes between
/// planning and the DeregisterImage (the guard's re-read is the only layer that sees it).
/// </summary>
public sealed class DisableStageExpiryTests : DisableStageScenario
{
    private async Task<(string Image, DateTimeOffset DisabledAt)> DisabledAsync()
    {
        var image = DueForDisable();
        Newest();
        await ExpireAsync();
        Assert.Equal("disabled", State(image));
        return (image, DisableRecord(image)!.DisabledAt!.Value);
    }

    [Fact]
    public async Task OneTickBeforeTheBoundary_NotDeregistered_AtTheBoundary_Deregistered()
    {
        var (image, disabledAt) = await DisabledAsync();
        _h.Time.SetUtcNow(disabledAt + ExpireAfterDisabled - TimeSpan.FromTicks(1));

        var early = await ExpireAsync();

        AssertLine(early, image, None, OutcomeNames.Skipped, "NotDisabledLongEnough");
        Assert.Equal("disabled", State(image));

        _h.Time.SetUtcNow(disabledAt + ExpireAfterDisabled);
        var due = await ExpireAsync();

        AssertLine(due, image, Deregister, Succeeded, "DisabledLongEnough");
        Assert.Equal("gone", State(image));
        Assert.True(_h.Ec2.IsImageInRecycleBin(Region, image));
    }

    [Fact]
    public async Task DisableDatedInTheFuture_ClockSkew_NeverDeregistered()
    {
        var (image, disabledAt) = await DisabledAsync();
        // A writer whose clock ran a year ahead dated the disable.
        await _h.Ledger.PutDisableRecordAsync(DisableRecord(image)! with { DisabledAt = disabledAt.AddDays(365) }, CancellationToken.None);
        _h.Time.Advance(TimeSpan.FromDays(30));

        var summary = await ExpireAsync();

        AssertLine(summary, image, None, OutcomeNames.Skipped, "NotDisabledLongEnough");
        Assert.Contains("clock skew", Line(summary, image).Reasons[0], StringComparison.Ordinal);
        Assert.Equal("disabled", State(image));
    }

    [Fact]
    public async Task DisabledByHand_NoLedgerRecord_NeverDeregistered()
    {
        var image = DueForDisable(b => b.Disabled());
        Newest();
        _h.Time.Advance(TimeSpan.FromDays(400));

        var summary = await ExpireAsync();

        AssertLine(summary, image, None, OutcomeNames.Skipped, "NotDisabledLongEnough");
        Assert.Equal("disabled", State(image));
        Assert.Equal(0, _h.Ec2.Calls.CountOf("DeregisterImage"));
    }

    [Fact]
    public async Task PendingRecord_ConfirmedByALiveRun_DatedFromThen()
    {
        var (image, _) = await DisabledAsync();
        await _h.Ledger.PutDisableRecordAsync(DisableRecord(image)! with { Status = DisableRecordStatus.PendingDisable, DisabledAt = null }, CancellationToken.None);
        _h.Time.Advance(TimeSpan.FromDays(20));
        var confirmedAt = _h.Time.GetUtcNow();

        var first = await ExpireAsync();

        AssertLine(first, image, None, OutcomeNames.Skipped, "NotDisabledLongEnough");
        Assert.Equal((DisableRecordStatus.Disabled, confirmedAt), (DisableRecord(image)!.Status, DisableRecord(image)!.DisabledAt!.Value));
    }

    [Fact]
    public async Task RecordChangedAfterPlanning_GuardRereadsIt_NotDeregistered()
    {
        var (image, disabledAt) = await DisabledAsync();
        _h.Time.SetUtcNow(disabledAt + ExpireAfterDisabled + TimeSpan.FromDays(1));
        // After the plan was made from the old record, the image is enabled and disabled again by the stage: the
        // record now dates the new disable.
        _h.Ec2.Lies.AfterCall("DescribeImageReferences", _h.Ec2.Calls.CountOf("DescribeImageReferences") + 1, () =>
            _h.Ledger.PutDisableRecordAsync(DisableRecord(image)! with { DisabledAt = _h.Time.GetUtcNow() }, CancellationToken.None).GetAwaiter().GetResult());

        var summary = await ExpireAsync();

        Assert.Equal((Deregister, OutcomeNames.Skipped), (Line(summary, image).Action, Line(summary, image).Outcome));
        Assert.Contains("NotDisabledLongEnough", Line(summary, image).Detail, StringComparison.Ordinal);
        Assert.Equal("disabled", State(image));
    }

    [Fact]
    public async Task DisableRecordsUnreadable_NothingDisabledNothingDeregistered()
    {
        var (image, disabledAt) = await DisabledAsync();
        var next = DueForDisable();
        _h.Time.SetUtcNow(disabledAt + ExpireAfterDisabled + TimeSpan.FromDays(1));
        _h.Ledger.FailDisableReads = true;

        var summary = await ExpireAsync();

        AssertLine(summary, image, None, OutcomeNames.Skipped, "DisableRecordsUnreadable");
        AssertLine(summary, next, None, OutcomeNames.Skipped, "DisableRecordsUnreadable");
        Assert.Equal(("disabled", "available"), (State(image), State(next)));
    }

    [Fact]
    public async Task DeregisteredDisabledImage_LedgerRecordKeepsTheSharesTheDisableRecorded()
    {
        var (image, disabledAt) = await DisabledAsync();
        var shares = new[] { new Core.Images.LaunchPermission(Core.Images.LaunchPermissionKind.Account, "444455556666") };
        await _h.Ledger.PutDisableRecordAsync(DisableRecord(image)! with { LaunchPermissions = shares }, CancellationToken.None);
        _h.Time.SetUtcNow(disabledAt + ExpireAfterDisabled);

        await ExpireAsync();

        Assert.Equal(shares, _h.Ledger.Records.Single(r => r.ImageId == image).LaunchPermissions);
    }
}
