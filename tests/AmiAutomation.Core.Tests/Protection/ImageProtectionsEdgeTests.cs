using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Protection;
using AmiAutomation.Core.References;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Protection;

/// <summary>
/// The edges of ImageProtections that the per-protection tests do not pin down: the exact instant a hold or a launch
/// window ends, the wording of every reference kind and count, and argument checks (found by mutation testing).
/// </summary>
public class ImageProtectionsEdgeTests
{
    private static readonly ProtectionOptions Strict = new() { RecentLaunchWindow = TimeSpan.FromDays(30), ProtectUnreadLaunchPermissions = false };

    private static IReadOnlyList<DecisionReason> Evaluate(AmiImage image, params ImageReference[] references) =>
        ImageProtections.Evaluate(image, TestImages.Account, new ReferenceIndex(references), Strict, TestImages.Now);

    [Fact]
    public void Evaluate_KeepUntilExactlyNow_HoldHasEnded()
    {
        var image = TestImages.Image("ami-1").WithTags((TagNames.KeepUntil, TagTime.Format(TestImages.Now)));

        Assert.Empty(Evaluate(image));
    }

    [Fact]
    public void Evaluate_KeepUntilOneSecondAfterNow_StillHeld()
    {
        var image = TestImages.Image("ami-1").WithTags((TagNames.KeepUntil, TagTime.Format(TestImages.Now.AddSeconds(1))));

        var reason = Assert.Single(Evaluate(image));

        Assert.Equal(ReasonCode.HeldUntil, reason.Code);
        Assert.Contains("held until", reason.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LaunchedExactlyAtWindowStart_NotRecent()
    {
        var image = TestImages.Image("ami-1") with { LastLaunchedTime = TestImages.Now - TimeSpan.FromDays(30) };

        Assert.Empty(Evaluate(image));
    }

    [Fact]
    public void Evaluate_LaunchedJustInsideWindow_RecentlyLaunchedWithWindowInDetail()
    {
        var image = TestImages.Image("ami-1") with { LastLaunchedTime = TestImages.Now - TimeSpan.FromDays(30) + TimeSpan.FromSeconds(1) };

        var reason = Assert.Single(Evaluate(image));

        Assert.Equal(ReasonCode.RecentlyLaunched, reason.Code);
        Assert.Contains("within the last 30 days", reason.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LaunchedButNoWindowConfigured_NotProtected()
    {
        var image = TestImages.Image("ami-1") with { LastLaunchedTime = TestImages.Now };

        Assert.Empty(ImageProtections.Evaluate(image, TestImages.Account, new ReferenceIndex([]), Strict with { RecentLaunchWindow = null }, TestImages.Now));
    }

    [Theory]
    [InlineData(ReferenceKind.Instance, "1 reference: instance r-1")]
    [InlineData(ReferenceKind.LaunchTemplateVersion, "1 reference: launch template r-1")]
    [InlineData(ReferenceKind.ImageReferencesApi, "1 reference: resource r-1")]
    [InlineData(ReferenceKind.External, "1 reference: pinned by r-1")]
    [InlineData(ReferenceKind.LaunchConfiguration, "1 reference: launch configuration r-1")]
    [InlineData(ReferenceKind.SpotRequest, "1 reference: Spot request r-1")]
    [InlineData(ReferenceKind.SpotFleet, "1 reference: Spot Fleet request r-1")]
    public void Evaluate_OneReference_DetailNamesItsKind(ReferenceKind kind, string expected)
    {
        var reason = Assert.Single(Evaluate(TestImages.Image("ami-1"), new ImageReference("ami-1", kind, "r-1")));

        Assert.Equal(ReasonCode.InUse, reason.Code);
        Assert.Equal(expected, reason.Detail);
    }

    [Fact]
    public void Evaluate_ExactlyFiveReferences_NamesAllWithoutMore()
    {
        var references = Enumerable.Range(1, ImageProtections.ReferencesNamedInDetail)
            .Select(i => new ImageReference("ami-1", ReferenceKind.Instance, $"i-{i}")).ToArray();

        var reason = Assert.Single(Evaluate(TestImages.Image("ami-1"), references));

        Assert.Equal("5 references: instance i-1; instance i-2; instance i-3; instance i-4; instance i-5", reason.Detail);
    }

    [Fact]
    public void Evaluate_ReferencesToAnotherImage_DoNotProtect()
    {
        Assert.Empty(Evaluate(TestImages.Image("ami-1"), new ImageReference("ami-2", ReferenceKind.Instance, "i-1")));
    }

    [Fact]
    public void Evaluate_InstanceStoreWithoutLocation_SaysLocationUnknown()
    {
        var image = TestImages.Image("ami-1") with { RootDevice = RootDeviceKind.InstanceStore, ImageLocation = null };

        var reason = Assert.Single(Evaluate(image));

        Assert.Equal(
            "instance store-backed (S3 bundle at an unknown location); the policy does not allow instance store-backed images",
            reason.Detail);
    }

    [Fact]
    public void Evaluate_NotOwnedAndNotAvailable_DetailsNameOwnerAndState()
    {
        var image = TestImages.Image("ami-1", state: ImageState.Pending) with { OwnerId = TestImages.OtherAccount };

        var reasons = Evaluate(image);

        Assert.Equal($"owned by account {TestImages.OtherAccount}, not by {TestImages.Account}", reasons[0].Detail);
        Assert.Equal("state is Pending; only available or disabled images are retired", reasons[1].Detail);
    }

    [Fact]
    public void Evaluate_KeepTagAndUnreadableHold_DetailsQuoteTheTags()
    {
        var image = TestImages.Image("ami-1").WithTags((TagNames.Keep, "yes"), (TagNames.KeepUntil, "soon"));

        var reasons = Evaluate(image);

        Assert.Equal($"tag {TagNames.Keep} = 'yes'", reasons[0].Detail);
        Assert.Equal($"tag {TagNames.KeepUntil} = 'soon' is not an RFC 3339 time; held until it is fixed", reasons[1].Detail);
    }

    [Fact]
    public void Evaluate_NullArguments_Throw()
    {
        var image = TestImages.Image("ami-1");
        var references = new ReferenceIndex([]);

        Assert.Throws<ArgumentNullException>(() => ImageProtections.Evaluate(null!, TestImages.Account, references, Strict, TestImages.Now));
        Assert.Throws<ArgumentNullException>(() => ImageProtections.Evaluate(image, TestImages.Account, null!, Strict, TestImages.Now));
        Assert.Throws<ArgumentNullException>(() => ImageProtections.Evaluate(image, TestImages.Account, references, null!, TestImages.Now));
        Assert.Throws<ArgumentNullException>(() => ImageProtections.IsPublic(null!));
    }

    [Fact]
    public void Evaluate_TwoUnreadableTimes_NamesEachSeparately()
    {
        var image = TestImages.Image("ami-1") with { UnreadableTimes = ["CreationDate 'garbage'", "DeprecationTime 'junk'"] };

        var reason = Assert.Single(Evaluate(image));

        Assert.Equal(ReasonCode.UnreadableTime, reason.Code);
        Assert.Contains("(CreationDate 'garbage', DeprecationTime 'junk')", reason.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DefaultOptions_UnreadLaunchPermissions_KeptAsPossiblyShared()
    {
        // The executor's re-check builds default options: an image whose permissions it could not read stays.
        var image = TestImages.Image("ami-1") with { LaunchPermissions = null };

        var reason = Assert.Single(ImageProtections.Evaluate(image, TestImages.Account, new ReferenceIndex([]), new ProtectionOptions(), TestImages.Now));

        Assert.Equal(ReasonCode.SharedImage, reason.Code);
        Assert.Contains("launch permissions were not read", reason.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void IsPublic_OnlyFlagOrGroupAll()
    {
        var image = TestImages.Image("ami-1");

        Assert.False(ImageProtections.IsPublic(image));
        Assert.False(ImageProtections.IsPublic(image with { LaunchPermissions = [new(LaunchPermissionKind.Account, TestImages.OtherAccount)] }));
        Assert.True(ImageProtections.IsPublic(image with { LaunchPermissions = [new(LaunchPermissionKind.Account, TestImages.OtherAccount), LaunchPermission.Public] }));
        Assert.True(ImageProtections.IsPublic(image with { IsPublic = true }));
    }
}
