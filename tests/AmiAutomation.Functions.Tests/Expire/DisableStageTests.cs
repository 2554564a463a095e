using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>
/// The disable stage end to end on the simulator: what a disable records and an enable gives back, in-use images never
/// disabled, a failed ledger write, dry runs.
/// </summary>
public sealed class DisableStageTests : DisableStageScenario
{
    private const string Account = "444455556666";
    private const string Organization = "arn:aws:organizations::123456789012:organization/o-abcdef1234";
    private const string OrganizationalUnit = "arn:aws:organizations::123456789012:ou/o-abcdef1234/ou-ab12-cdef3456";

    public enum Consumer
    {
        Instance,
        LaunchTemplate,
        SsmParameter,
        LaunchConfiguration,
        SpotRequest,
        SpotFleet,
    }

    [Fact]
    public async Task DisableThenEnable_EveryLaunchPermissionRecordedAndReapplied()
    {
        _h.Live().Set(ExpireSettings.ExpireSharedImagesVariable, ExpireSettings.SharedImagesWhenUnused);
        var shared = DueForDisable(b => b.SharedWithAccount(Account).SharedWithOrganization(Organization).SharedWithOrganizationalUnit(OrganizationalUnit));
        Newest();
        LaunchPermission[] shares =
        [
            new(LaunchPermissionKind.Account, Account),
            new(LaunchPermissionKind.Organization, Organization),
            new(LaunchPermissionKind.OrganizationalUnit, OrganizationalUnit),
        ];

        await ExpireAsync(); // requests the usage report a shared image needs
        _h.Time.Advance(_h.Ec2.Options.UsageReportDelay + TimeSpan.FromSeconds(1));
        var summary = await ExpireAsync();

        AssertLine(summary, shared, Disable, Succeeded, "DeprecatedLongEnoughToDisable");
        Assert.Equal("disabled", State(shared));
        Assert.Empty(_h.Ec2.LaunchPermissionsOf(Region, shared));
        var record = DisableRecord(shared)!;
        Assert.Equal(shares.ToHashSet(), record.LaunchPermissions.ToHashSet());
        Assert.Equal((DisableRecordStatus.Disabled, ImageState.Available), (record.Status, record.State));
        Assert.Equal(_h.Time.GetUtcNow(), record.DisabledAt);
        Assert.Equal(1, _h.Metric(MetricNames.AmisDisabled));

        var output = await EnableAsync(shared);

        var line = Assert.Single(output.Enabled!);
        Assert.Equal("enabled", line.Status);
        Assert.Equal("available", State(shared));
        Assert.Equal(shares.ToHashSet(), _h.Ec2.LaunchPermissionsOf(Region, shared).ToHashSet());
        Assert.Equal(3, line.Reapplied.Count);
        Assert.True(Held(shared));
        Assert.Equal(DisableRecordStatus.Enabled, DisableRecord(shared)!.Status);
    }

    [Fact]
    public async Task Enable_Twice_SecondIsNoOpAndAddsOnlyWhatIsMissing()
    {
        var image = DueForDisable();
        Newest();
        await ExpireAsync();
        await _h.Ledger.PutDisableRecordAsync(DisableRecord(image)! with { LaunchPermissions = [new(LaunchPermissionKind.Account, Account)] }, CancellationToken.None);
        await EnableAsync(image);
        var mutationsAfterFirst = _h.LiveMutations().Count;

        var again = await EnableAsync(image);

        Assert.Equal("already-available", Assert.Single(again.Enabled!).Status);
        Assert.Empty(again.Enabled![0].Reapplied);
        Assert.Equal(mutationsAfterFirst, _h.LiveMutations().Count);
        Assert.Equal(1, _h.Ec2.Calls.CountOf("EnableImage"));
    }

    [Fact]
    public async Task Enable_RecordedPublic_NotMadePublicAndSaysSo()
    {
        var image = DueForDisable();
        Newest();
        await ExpireAsync();
        await _h.Ledger.PutDisableRecordAsync(DisableRecord(image)! with { LaunchPermissions = [LaunchPermission.Public, new(LaunchPermissionKind.Account, Account)] }, CancellationToken.None);

        var line = Assert.Single((await EnableAsync(image)).Enabled!);

        Assert.False(_h.Image(image)!.Public);
        Assert.Equal(["Account " + Account], line.Reapplied);
        Assert.Equal(["Public all"], line.Skipped);
        Assert.Contains(line.Notes, n => n.Contains("RESTORE_ALLOW_PUBLIC", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Consumer.Instance)]
    [InlineData(Consumer.LaunchTemplate)]
    [InlineData(Consumer.SsmParameter)]
    [InlineData(Consumer.LaunchConfiguration)]
    [InlineData(Consumer.SpotRequest)]
    [InlineData(Consumer.SpotFleet)]
    public async Task InUse_EachReferenceKind_NeverDisabled(Consumer consumer)
    {
        var used = DueForDisable(b => b.SharedWithAccount(Account));
        var control = DueForDisable();
        Newest();
        Pin(consumer, used);
        var before = _h.Ec2.LaunchPermissionsOf(Region, used);

        var summary = await ExpireAsync();

        Assert.Equal(("available", "disabled"), (State(used), State(control)));
        Assert.Equal(before, _h.Ec2.LaunchPermissionsOf(Region, used));
        Assert.Null(DisableRecord(used));
        Assert.Equal(None, Line(summary, used).Action);
        Assert.Equal(1, _h.Ec2.Calls.CountOf("DisableImage"));
    }

    [Fact]
    public async Task Recheck_InstanceStartingAfterPlanning_KeepsImageEnabled()
    {
        var used = DueForDisable();
        Newest();
        _h.Ec2.Lies.AfterCall("DescribeImageReferences", 1, () => _h.Ec2.AddInstance(Region, used, "running"));

        var summary = await ExpireAsync();

        Assert.Equal("available", State(used));
        Assert.Equal((Disable, OutcomeNames.Skipped), (Line(summary, used).Action, Line(summary, used).Outcome));
        Assert.Null(DisableRecord(used));
    }

    [Fact]
    public async Task DisableRun_TwoImagesDisabled_SummaryCountsTheirDisableRecords()
    {
        var first = DueForDisable();
        var second = DueForDisable();
        Newest();

        var summary = await ExpireAsync();

        AssertLine(summary, first, Disable, Succeeded, "DeprecatedLongEnoughToDisable");
        AssertLine(summary, second, Disable, Succeeded, "DeprecatedLongEnoughToDisable");
        Assert.Equal(2, _h.Ledger.DisableRecords.Count);
        Assert.Equal((2, 0, 0), (summary.Deregistration!.DisableRecordsWritten, summary.Deregistration.LedgerRecordsWritten, summary.Deregistration.Deregistered));
    }

    [Fact]
    public async Task LedgerWriteFails_NotDisabled_PermissionsKept()
    {
        _h.Ledger.FailDisablePuts = true;
        _h.Live().Set(ExpireSettings.ExpireSharedImagesVariable, ExpireSettings.SharedImagesWhenUnused);
        var image = DueForDisable(b => b.SharedWithAccount(Account));
        Newest();
        await ExpireAsync();
        _h.Time.Advance(_h.Ec2.Options.UsageReportDelay + TimeSpan.FromSeconds(1));

        var summary = await ExpireAsync();

        Assert.Equal("available", State(image));
        Assert.Equal([new LaunchPermission(LaunchPermissionKind.Account, Account)], _h.Ec2.LaunchPermissionsOf(Region, image));
        Assert.Equal((Disable, OutcomeNames.Failed), (Line(summary, image).Action, Line(summary, image).Outcome));
        Assert.Contains("not disabled", Line(summary, image).Detail, StringComparison.Ordinal);
        Assert.Equal(0, _h.Ec2.Calls.CountOf("DisableImage"));
        Assert.Equal(0, summary.Deregistration!.DisableRecordsWritten);
    }

    [Fact]
    public async Task DryRun_NothingMutated_PlanShowsTheDisable()
    {
        var image = DueForDisable();
        Newest();
        _h.Live().Set(CommonSettings.DryRunVariable, "true");
        var before = _h.WorldFingerprint();

        var summary = await ExpireAsync();
        var enable = await EnableAsync(image);

        AssertLine(summary, image, Disable, OutcomeNames.DryRun, "DeprecatedLongEnoughToDisable");
        Assert.Equal(before, _h.WorldFingerprint());
        Assert.Empty(_h.LiveMutations());
        Assert.Empty(_h.Ledger.DisableRecords);
        Assert.Equal("dry-run", Assert.Single(enable.Enabled!).Status);
    }

    [Fact]
    public async Task DryRunEnable_OfDisabledImage_ChangesNothing()
    {
        var image = DueForDisable();
        Newest();
        await ExpireAsync();
        _h.Live().Set(CommonSettings.DryRunVariable, "true");
        var before = _h.WorldFingerprint();
        var mutations = _h.LiveMutations().Count;

        var line = Assert.Single((await EnableAsync(image)).Enabled!);

        Assert.Equal("dry-run", line.Status);
        Assert.Equal(before, _h.WorldFingerprint());
        Assert.Equal(mutations, _h.LiveMutations().Count);
        Assert.Equal(DisableRecordStatus.Disabled, DisableRecord(image)!.Status);
    }

    [Fact]
    public async Task StageOn_AvailableImageDueForExpiry_IsDisabledNotDeregistered()
    {
        var image = Expired(daysOld: 400, deprecatedDaysAgo: 300, more: b => b.Tagged(TagNames.ExpiresAt, "2020-01-01"));
        Newest();

        var summary = await ExpireAsync();

        AssertLine(summary, image, Disable, Succeeded, "DeprecatedLongEnoughToDisable");
        Assert.Equal(0, _h.Ec2.Calls.CountOf("DeregisterImage"));
    }

    private void Pin(Consumer consumer, string imageId)
    {
        switch (consumer)
        {
            case Consumer.Instance:
                _h.Ec2.AddInstance(Region, imageId, "stopped");
                break;
            case Consumer.LaunchTemplate:
                _h.Ec2.AddLaunchTemplate(Region, "web-lt", imageId);
                break;
            case Consumer.SsmParameter:
                _h.Ec2.AddSsmParameter(Region, "/golden/svc", imageId);
                break;
            case Consumer.LaunchConfiguration:
                _h.Ec2.AddLaunchConfiguration(Region, "web-asg-lc", imageId);
                break;
            case Consumer.SpotRequest:
                _h.Ec2.AddSpotRequest(Region, imageId, "open", "persistent", instanceId: null);
                break;
            default:
                _h.Ec2.AddSpotFleet(Region, [imageId], "active");
                break;
        }
    }
}
