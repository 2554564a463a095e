using System.Text.RegularExpressions;

namespace AmiAutomation.Aws.Regions;

/// <summary>
/// Validates AWS region names (<c>us-east-1</c>, <c>us-gov-west-1</c>, <c>us-isob-east-1</c>, <c>cn-north-1</c>).
/// Used wherever a region arrives from configuration, a tag or an event.
/// </summary>
public static partial class RegionName
{
    [GeneratedRegex(@"^[a-z]{2}(-gov|-iso[a-z]*|sc-[a-z]{2})?-[a-z]+-\d{1,2}\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();

    /// <summary>True when <paramref name="region"/> looks like an AWS region name.</summary>
    public static bool IsValid(string? region) => !string.IsNullOrEmpty(region) && region.Length <= 32 && Pattern().IsMatch(region);

    /// <summary>Returns <paramref name="region"/> when valid; otherwise throws <see cref="InvalidRegionException"/>.</summary>
    public static string Validate(string? region) =>
        IsValid(region) ? region! : throw new InvalidRegionException(region);
}
