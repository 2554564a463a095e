using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Protection;
using AmiAutomation.Core.References;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Protection;

public class ImageProtectionsTests
{
    // Test images carry no launch permissions (null): read as "not shared" here; SharedImageCheckTests cover unread ones.
    private static readonly ProtectionOptions Strict = new() { RecentLaunchWindow = TimeSpan.FromDays(30), ProtectUnreadLaunchPermissions = false };

    private static IReadOnlyList<DecisionReason> Evaluate(AmiImage image, ProtectionOptions? options = null, params ImageReference[] references) =>
        ImageProtections.Evaluate(image, TestImages.Account, new ReferenceIndex(references), options ?? Strict, TestImages.Now);

    [Fact]
    public void Evaluate_PlainOwnedImage_ReturnsNothing()
    {
        Assert.Empty(Evaluate(TestImages.Image("ami-1")));
    }

    [Theory]
    [InlineData("not-owned", ReasonCode.NotOwned)]
    [InlineData("pending", ReasonCode.NotAvailable)]
    [InlineData("failed", ReasonCode.NotAvailable)]
    [InlineData("other", ReasonCode.NotAvailable)]
    [InlineData("unreadable-creation-date", ReasonCode.UnreadableTime)]
    [InlineData("in-use", ReasonCode.InUse)]
    [InlineData("keep", ReasonCode.KeepTag)]
    [InlineData("keep-empty", ReasonCode.KeepTag)]
    [InlineData("keep-FALSE-padded", ReasonCode.KeepTag)]
    [InlineData("keep-false-long-s", ReasonCode.KeepTag)]
    [InlineData("keep-until-future", ReasonCode.HeldUntil)]
    [InlineData("keep-until-unreadable", ReasonCode.HeldUntil)]
    [InlineData("deregistration-protected", ReasonCode.DeregistrationProtected)]
    [InlineData("dlm", ReasonCode.ManagedByDataLifecycleManager)]
    [InlineData("backup", ReasonCode.ManagedByAwsBackup)]
    [InlineData("image-builder", ReasonCode.ManagedByImageBuilder)]
    [InlineData("public", ReasonCode.PublicImage)]
    [InlineData("public-permission", ReasonCode.PublicImage)]
    [InlineData("shared-account", ReasonCode.SharedImage)]
    [InlineData("shared-organization", ReasonCode.SharedImage)]
    [InlineData("shared-ou", ReasonCode.SharedImage)]
    [InlineData("instance-store", ReasonCode.InstanceStoreBacked)]
    [InlineData("launched-yesterday", ReasonCode.RecentlyLaunched)]
    public void Evaluate_Protection_ReturnsItsReason(string protection, ReasonCode expected)
    {
        var (image, references) = Protect(TestImages.Image("ami-1"), protection);

        var reasons = Evaluate(image, Strict, references);

        Assert.Equal([expected], reasons.Select(r => r.Code));
        Assert.False(string.IsNullOrWhiteSpace(reasons[0].Detail));
    }

    [Theory]
    [InlineData("keep-false")]
    [InlineData("keep-FALSE")]
    [InlineData("keep-until-past")]
    [InlineData("launched-long-ago")]
    [InlineData("disabled")]
    [InlineData("managed-by-us")]
    public void Evaluate_NotAProtection_ReturnsNothing(string protection)
    {
        var (image, references) = Protect(TestImages.Image("ami-1"), protection);

        Assert.Empty(Evaluate(image, Strict, references));
    }

    [Fact]
    public void Evaluate_SeveralProtections_ListsEveryOneInFixedOrder()
    {
        var image = TestImages.Image("ami-1") with
        {
            OwnerId = TestImages.OtherAccount,
            DeregistrationProtected = true,
            ManagedBy = ImageManager.AwsBackup,
            IsPublic = true,
        };
        image = image.WithTags((TagNames.Keep, "yes"));

        var reasons = Evaluate(image, Strict, new ImageReference("ami-1", ReferenceKind.Instance, "i-1"));

        Assert.Equal(
            [ReasonCode.NotOwned, ReasonCode.InUse, ReasonCode.KeepTag, ReasonCode.DeregistrationProtected, ReasonCode.ManagedByAwsBackup, ReasonCode.PublicImage],
            reasons.Select(r => r.Code));
    }

    [Fact]
    public void Evaluate_InUse_DetailNamesReferencesAndCount()
    {
        var references = new[]
        {
            new ImageReference("ami-1", ReferenceKind.Instance, "i-0abc"),
            new ImageReference("ami-1", ReferenceKind.LaunchTemplateVersion, "lt-0def v7"),
        };

        var reason = Assert.Single(Evaluate(TestImages.Image("ami-1"), Strict, references));

        Assert.Equal("2 references: instance i-0abc; launch template lt-0def v7", reason.Detail);
    }

    [Fact]
    public void Evaluate_ManyReferences_NamesFiveAndCountsTheRest()
    {
        var references = Enumerable.Range(1, 8).Select(i => new ImageReference("ami-1", ReferenceKind.External, $"pin-{i}")).ToArray();

        var reason = Assert.Single(Evaluate(TestImages.Image("ami-1"), Strict, references));

        Assert.StartsWith("8 references: pinned by pin-1;", reason.Detail, StringComparison.Ordinal);
        Assert.EndsWith("pin-5; and 3 more", reason.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_InstanceStore_DetailNamesBundleLocation()
    {
        var image = TestImages.Image("ami-1") with { RootDevice = RootDeviceKind.InstanceStore, ImageLocation = "my-bucket/web/image.manifest.xml" };

        var reason = Assert.Single(Evaluate(image));

        Assert.Contains("my-bucket/web/image.manifest.xml", reason.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OptIns_LiftOptionalProtectionsButNeverAwsBackup()
    {
        var options = new ProtectionOptions
        {
            AllowPublic = true,
            AllowInstanceStore = true,
            IncludeDataLifecycleManagerImages = true,
            IncludeImageBuilderImages = true,
            RecentLaunchWindow = null,
            ProtectUnreadLaunchPermissions = false,
        };

        Assert.Empty(Evaluate(TestImages.Image("ami-1") with { IsPublic = true, RootDevice = RootDeviceKind.InstanceStore, LastLaunchedTime = TestImages.Now }, options));
        Assert.Empty(Evaluate(TestImages.Image("ami-1") with { ManagedBy = ImageManager.DataLifecycleManager }, options));
        Assert.Empty(Evaluate(TestImages.Image("ami-1") with { ManagedBy = ImageManager.ImageBuilder }, options));
        Assert.Equal(ReasonCode.ManagedByAwsBackup, Assert.Single(Evaluate(TestImages.Image("ami-1") with { ManagedBy = ImageManager.AwsBackup }, options)).Code);
    }

    internal static (AmiImage Image, ImageReference[] References) Protect(AmiImage image, string protection) => protection switch
    {
        "not-owned" => (image with { OwnerId = TestImages.OtherAccount }, []),
        "shared-account" => (image with { LaunchPermissions = [new(LaunchPermissionKind.Account, TestImages.OtherAccount)] }, []),
        "shared-organization" => (image with { LaunchPermissions = [new(LaunchPermissionKind.Organization, "arn:aws:organizations::111122223333:organization/o-abc123")] }, []),
        "shared-ou" => (image with { LaunchPermissions = [new(LaunchPermissionKind.OrganizationalUnit, "arn:aws:organizations::111122223333:ou/o-abc123/ou-ab12-cdef3456")] }, []),
        "pending" => (image with { State = ImageState.Pending }, []),
        "failed" => (image with { State = ImageState.Failed }, []),
        "other" => (image with { State = ImageState.Other }, []),
        "unreadable-creation-date" => (image with { CreationDate = AmiImage.UnknownCreationDate, UnreadableTimes = ["CreationDate 'garbage'"] }, []),
        "disabled" => (image with { State = ImageState.Disabled }, []),
        "in-use" => (image, [new ImageReference(image.ImageId, ReferenceKind.LaunchTemplateVersion, "lt-0abc v7")]),
        "keep" => (image.WithTags((TagNames.Keep, "true")), []),
        "keep-empty" => (image.WithTags((TagNames.Keep, "")), []),
        "keep-false" => (image.WithTags((TagNames.Keep, "false")), []),
        "keep-FALSE" => (image.WithTags((TagNames.Keep, "FALSE")), []),
        "keep-FALSE-padded" => (image.WithTags((TagNames.Keep, " FALSE ")), []),
        "keep-false-long-s" => (image.WithTags((TagNames.Keep, "fal\u017Fe")), []),
        "keep-until-future" => (image.WithTags((TagNames.KeepUntil, TagTime.Format(TestImages.Now.AddDays(3)))), []),
        "keep-until-past" => (image.WithTags((TagNames.KeepUntil, TagTime.Format(TestImages.Now.AddDays(-3)))), []),
        "keep-until-unreadable" => (image.WithTags((TagNames.KeepUntil, "next tuesday")), []),
        "deregistration-protected" => (image with { DeregistrationProtected = true }, []),
        "dlm" => (image with { ManagedBy = ImageManager.DataLifecycleManager }, []),
        "backup" => (image with { ManagedBy = ImageManager.AwsBackup }, []),
        "image-builder" => (image with { ManagedBy = ImageManager.ImageBuilder }, []),
        "managed-by-us" => (image with { ManagedBy = ImageManager.Us }, []),
        "public" => (image with { IsPublic = true }, []),
        "public-permission" => (image with { LaunchPermissions = [LaunchPermission.Public] }, []),
        "instance-store" => (image with { RootDevice = RootDeviceKind.InstanceStore, ImageLocation = "bucket/image.manifest.xml" }, []),
        "launched-yesterday" => (image with { LastLaunchedTime = TestImages.Now.AddDays(-1) }, []),
        "launched-long-ago" => (image with { LastLaunchedTime = TestImages.Now.AddDays(-90) }, []),
        _ => throw new ArgumentOutOfRangeException(nameof(protection), protection, "unknown protection"),
    };
}
