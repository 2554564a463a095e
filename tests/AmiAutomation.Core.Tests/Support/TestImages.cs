using System.Globalization;
using AmiAutomation.Core.Images;

namespace AmiAutomation.Core.Tests.Support;

/// <summary>Builders for images at a fixed clock. Names carry a timestamp so the default family rule strips it.</summary>
internal static class TestImages
{
    public const string Account = "111122223333";
    public const string OtherAccount = "999988887777";
    public const string Region = "eu-west-1";

    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 30, TimeSpan.Zero);

    public static AmiImage Image(string id, string family = "web", double ageDays = 100, ImageState state = ImageState.Available)
    {
        var created = Now.AddDays(-ageDays);
        return new AmiImage
        {
            ImageId = id,
            Region = Region,
            Name = $"{family}-{created.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}",
            OwnerId = Account,
            CreationDate = created,
            State = state,
        };
    }

    public static AmiImage WithTags(this AmiImage image, params (string Key, string Value)[] tags)
    {
        var merged = new Dictionary<string, string>(image.Tags, StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            merged[key] = value;
        }

        return image with { Tags = merged };
    }

    public static AmiImage DeprecatedDaysAgo(this AmiImage image, double days) => image with { DeprecationTime = Now.AddDays(-days) };
}
