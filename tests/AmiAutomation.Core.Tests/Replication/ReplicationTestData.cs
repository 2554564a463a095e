using System.Text.RegularExpressions;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Replication;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Replication;

/// <summary>Sources, copies and plan contexts at <see cref="TestImages.Now"/>, stack region eu-west-1.</summary>
internal static partial class ReplicationTestData
{
    public const string Own = TestImages.Region;

    public static bool IsRegion(string name) => RegionPattern().IsMatch(name);

    public static CopyPlanContext Context(CopyPolicy? policy = null, CopyTrigger trigger = CopyTrigger.Event, IReadOnlyList<string>? requested = null) =>
        new(policy ?? new CopyPolicy(), Own, trigger, TestImages.Now, IsRegion) { RequestedRegions = requested };

    public static AmiImage Source(string id = "ami-0000000000000aaaa", double ageDays = 1, params (string Key, string Value)[] tags) =>
        TestImages.Image(id, "web", ageDays).WithTags(tags);

    /// <summary>A copy we made of <paramref name="source"/> in <paramref name="region"/>.</summary>
    public static AmiImage CopyOf(AmiImage source, string region, string id, ImageState state = ImageState.Available, double ageHours = 1) => new()
    {
        ImageId = id,
        Region = region,
        Name = source.Name,
        OwnerId = source.OwnerId,
        CreationDate = TestImages.Now.AddHours(-ageHours),
        State = state,
        SourceImageId = source.ImageId,
        SourceRegion = source.Region,
        ManagedBy = ImageManager.Us,
        Tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TagNames.SourceImage] = source.ImageId,
            [TagNames.SourceRegion] = source.Region,
            [TagNames.ManagedBy] = TagNames.ManagedByValue,
        },
    };

    public static IReadOnlyDictionary<string, IReadOnlyList<AmiImage>> Copies(params (string Region, AmiImage[] Copies)[] entries) =>
        entries.ToDictionary(e => e.Region, e => (IReadOnlyList<AmiImage>)e.Copies, StringComparer.Ordinal);

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d{1,2}$")]
    private static partial Regex RegionPattern();
}
