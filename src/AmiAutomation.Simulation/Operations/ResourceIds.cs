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
