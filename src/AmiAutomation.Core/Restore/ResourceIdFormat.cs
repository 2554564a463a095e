using System.Text.RegularExpressions;

namespace AmiAutomation.Core.Restore;

/// <summary>EC2 id formats: <c>ami-</c> / <c>snap-</c> followed by 8 to 17 lower-case hex digits.</summary>
public static partial class ResourceIdFormat
{
    /// <summary>What a valid image id looks like, for error messages.</summary>
    public const string ImageIdExpectation = "ami- followed by 8 to 17 lower-case hex digits, e.g. ami-0123456789abcdef0";

    public static bool IsImageId(string? value) => value is not null && ImageIdPattern().IsMatch(value);

    public static bool IsSnapshotId(string? value) => value is not null && SnapshotIdPattern().IsMatch(value);

    [GeneratedRegex("^ami-[0-9a-f]{8,17}$", RegexOptions.CultureInvariant)]
    private static partial Regex ImageIdPattern();

    [GeneratedRegex("^snap-[0-9a-f]{8,17}$", RegexOptions.CultureInvariant)]
    private static partial Regex SnapshotIdPattern();
}
