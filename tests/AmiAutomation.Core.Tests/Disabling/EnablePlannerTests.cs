using AmiAutomation.Core.Disabling;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Restore;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Disabling;

public sealed class EnablePlannerTests
{
    private static readonly LaunchPermission Account = new(LaunchPermissionKind.Account, "444455556666");
    private static readonly LaunchPermission Org = new(LaunchPermissionKind.Organization, "arn:aws:organizations::1:organization/o-1");
    private static readonly LaunchPermission Ou = new(LaunchPermissionKind.OrganizationalUnit, "arn:aws:organizations::1:ou/o-1/ou-2");
    private static readonly RestorePolicy Policy = new() { Hold = TimeSpan.FromDays(14) };

    private static DisableRecord Record(params LaunchPermission[] permissions) => new()
    {
        ImageId = "ami-old", Region = "us-east-1", Name = "n", Family = "web", State = ImageState.Available, RunId = "r",
        RecordedAt = TestImages.Now.AddDays(-20), Status = DisableRecordStatus.Disabled, DisabledAt = TestImages.Now.AddDays(-20),
        LaunchPermissions = permissions,
    };

    [Fact]
    public void Disabled_EnablesReappliesEverythingButPublic_AndHolds()
    {
        var image = TestImages.Image("ami-old", state: ImageState.Disabled);

        var plan = EnablePlanner.Plan(Record(Account, Org, Ou, LaunchPermission.Public), image, Policy, TestImages.Now);

        Assert.True(plan.Enable);
        Assert.Equal([Account, Org, Ou], plan.LaunchPermissionsToAdd);
        Assert.Equal([LaunchPermission.Public], plan.LaunchPermissionsSkipped);
        Assert.Equal(TestImages.Now.AddDays(14), plan.HoldUntil);
        Assert.True(plan.MarkRecordEnabled);
    }

    [Fact]
    public void AllowPublic_ReappliesPublicToo()
    {
        var plan = EnablePlanner.Plan(Record(LaunchPermission.Public), TestImages.Image("ami-old", state: ImageState.Disabled), Policy with { AllowPublic = true }, TestImages.Now);

        Assert.Equal([LaunchPermission.Public], plan.LaunchPermissionsToAdd);
        Assert.Empty(plan.LaunchPermissionsSkipped);
    }

    [Fact]
    public void AlreadyAvailableAndHeld_OnlyWhatIsMissing_NoNewHold()
    {
        var image = TestImages.Image("ami-old") with { LaunchPermissions = [Account] };
        image = image.WithTags((TagNames.KeepUntil, TagTime.Format(TestImages.Now.AddDays(3))));

        var plan = EnablePlanner.Plan(Record(Account, Org) with { Status = DisableRecordStatus.Enabled }, image, Policy, TestImages.Now);

        Assert.False(plan.Enable);
        Assert.Equal([Org], plan.LaunchPermissionsToAdd);
        Assert.Null(plan.HoldUntil);
        Assert.False(plan.MarkRecordEnabled);
    }

    [Fact]
    public void LongerHold_NeverShortened()
    {
        var image = TestImages.Image("ami-old", state: ImageState.Disabled).WithTags((TagNames.KeepUntil, TagTime.Format(TestImages.Now.AddDays(100))));

        Assert.Null(EnablePlanner.Plan(null, image, Policy, TestImages.Now).HoldUntil);
    }

    [Fact]
    public void NoRecord_EnablesAndHolds_SaysNothingToReshare()
    {
        var plan = EnablePlanner.Plan(null, TestImages.Image("ami-old", state: ImageState.Disabled), Policy, TestImages.Now);

        Assert.True(plan.Enable);
        Assert.Empty(plan.LaunchPermissionsToAdd);
        Assert.Contains(plan.Notes, n => n.Contains("No disable record", StringComparison.Ordinal));
    }
}
