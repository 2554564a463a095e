using AmiAutomation.Core.Disabling;
using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Expiry;

/// <summary>The disable stage's test world: disable after 30 days deprecated, expire 10 days after the disable, keep the
/// newest image of the family (a one-day-old <c>ami-new</c> beside the image under test).</summary>
internal static class DisableStageFixture
{
    public static readonly ExpiryPolicy Stage = new() { KeepNewest = 1, DisableAfterDeprecatedDays = 30, ExpireAfterDisabledDays = 10 };

    /// <summary>The decision for <paramref name="image"/> planned beside <c>ami-new</c>.</summary>
    public static Decision Decide(AmiImage image, DisabledImageDates? dates, ExpiryPolicy? policy = null) =>
        ExpiryPlanner.Plan(TestInventory.Of([image, TestImages.Image("ami-new", ageDays: 1)], []), policy ?? Stage, PlanSelection.All, TestImages.Now, dates)
            .Decisions.Single(d => d.Image.ImageId == image.ImageId);

    /// <summary>A disabled image, 400 days old, deprecated 90 days ago.</summary>
    public static AmiImage Disabled(string id = "ami-old") => TestImages.Image(id, ageDays: 400, state: ImageState.Disabled).DeprecatedDaysAgo(90);

    /// <summary>The ledger's confirmed disable of <paramref name="id"/> at <paramref name="at"/>.</summary>
    public static DisabledImageDates DisabledAt(DateTimeOffset at, string id = "ami-old") => DisabledImageDates.From([new DisableRecord
    {
        ImageId = id, Region = "us-east-1", Name = "n", Family = "web", State = ImageState.Available, RunId = "r",
        RecordedAt = at, Status = DisableRecordStatus.Disabled, DisabledAt = at,
    }]);
}
