using System.Text.RegularExpressions;

namespace AmiAutomation.Simulation.Operations;

/// <summary>Id syntax as EC2 checks it (8 or 17 hex digits after the prefix).</summary>
internal static partial class ResourceIds
{
    public static bool IsImageId(string? value) => value is not null && ImagePattern().IsMatch(value);

    public static bool IsSnapshotId(string? value) => value is not null && SnapshotPattern().IsMatch(value);

    public static bool IsInstanceId(string? value) => value is not null && InstancePattern().IsMatch(value);

    public static bool IsLaunchTemplateId(string? value) => value is not null && LaunchTemplatePattern().IsMatch(value);

    public static bool IsAccountId(string? value) => value is not null && AccountPattern().IsMatch(value);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> KnownRegions = new(StringComparer.Ordinal);

    public static bool IsRegionName(string? value) =>
        value is not null && KnownRegions.GetOrAdd(value, static v => RegionPattern().IsMatch(v));

    public static bool IsImageName(string? value) => value is not null && value.Length is >= 3 and <= 128 && ImageNamePattern().IsMatch(value);

    /// <summary>The image id of a request: MissingParameter when absent or empty, Malformed when not an image id.</summary>
    public static string RequireImageId(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw Ec2Errors.MissingParameter("ImageId");
        }

        return IsImageId(value) ? value : throw Ec2Errors.ImageMalformed(value);
    }

    /// <summary>The snapshot id of a request: MissingParameter when absent or empty, Malformed when not a snapshot id.</summary>
    public static string RequireSnapshotId(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw Ec2Errors.MissingParameter("SnapshotId");
        }

        return IsSnapshotId(value) ? value : throw Ec2Errors.SnapshotMalformed(value);
    }

    [GeneratedRegex("^ami-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex ImagePattern();

    [GeneratedRegex("^snap-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex SnapshotPattern();

    [GeneratedRegex("^i-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex InstancePattern();

    [GeneratedRegex("^lt-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex LaunchTemplatePattern();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"^[A-Za-z0-9\-_./()' \[\]@]+$")]
    private static partial Regex ImageNamePattern();
}
