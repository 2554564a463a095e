using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Protection;
using AmiAutomation.Core.References;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Protection;

public class ProtectionChecklistTests
{
    private static readonly ProtectionOptions Strict = new() { RecentLaunchWindow = TimeSpan.FromDays(30), ProtectUnreadLaunchPermissions = false };

    /// <summary>One image per protection, so every code Evaluate can give shows up at least once.</summary>
    private static IEnumerable<(AmiImage Image, ImageReference[] References)> EveryProtection()
    {
        var plain = TestImages.Image("ami-1");
        yield return (plain with { OwnerId = TestImages.OtherAccount }, []);
        yield return (plain with { State = ImageState.Pending }, []);
        yield return (plain with { UnreadableTimes = ["CreationDate"] }, []);
        yield return (plain, [new ImageReference("ami-1", ReferenceKind.Instance, "i-1")]);
        yield return (plain.WithTags((TagNames.Keep, "yes")), []);
        yield return (plain.WithTags((TagNames.KeepUntil, "2999-01-01T00:00:00Z")), []);
        yield return (plain with { DeregistrationProtected = true }, []);
        yield return (plain with { ManagedBy = ImageManager.AwsBackup }, []);
        yield return (plain with { ManagedBy = ImageManager.DataLifecycleManager }, []);
        yield return (plain with { ManagedBy = ImageManager.ImageBuilder }, []);
        yield return (plain with { IsPublic = true }, []);
        yield return (plain with { LaunchPermissions = [new LaunchPermission(LaunchPermissionKind.Account, TestImages.OtherAccount)] }, []);
        yield return (plain with { RootDevice = RootDeviceKind.InstanceStore }, []);
        yield return (plain with { LastLaunchedTime = TestImages.Now.AddDays(-1) }, []);
    }

    [Fact]
    public void Checked_Strict_CoversEveryProtectionEvaluateGives()
    {
        var given = EveryProtection()
            .SelectMany(p => ImageProtections.Evaluate(p.Image, TestImages.Account, new ReferenceIndex(p.References), Strict, TestImages.Now))
            .Select(r => r.Code)
            .ToHashSet();

        Assert.Equal(14, given.Count);
        Assert.Equal(given.Order(), ProtectionChecklist.Checked(Strict).Order());
    }

    [Fact]
    public void Checked_OptIns_LeaveOutWhatEvaluateNoLongerChecks()
    {
        var relaxed = new ProtectionOptions
        {
            AllowPublic = true,
            AllowInstanceStore = true,
            IncludeDataLifecycleManagerImages = true,
            IncludeImageBuilderImages = true,
            SharedImages = SharedImageRule.Allow,
            RecentLaunchWindow = null,
            ProtectUnreadLaunchPermissions = false,
        };
        var checkedCodes = ProtectionChecklist.Checked(relaxed);
        var given = EveryProtection()
            .SelectMany(p => ImageProtections.Evaluate(p.Image, TestImages.Account, new ReferenceIndex(p.References), relaxed, TestImages.Now))
            .Select(r => r.Code)
            .ToHashSet();

        Assert.Equal(given.Order(), checkedCodes.Order());
        Assert.Contains(ReasonCode.ManagedByAwsBackup, checkedCodes);
        Assert.DoesNotContain(ReasonCode.PublicImage, checkedCodes);
        Assert.DoesNotContain(ReasonCode.RecentlyLaunched, checkedCodes);
    }
}
