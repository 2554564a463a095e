using System.Collections.Frozen;
using AmiAutomation.Aws.Regions;
using Amazon;

namespace AmiAutomation.Aws.Replication;

/// <summary>
/// The region names a copy may go to: well-formed (<see cref="RegionName"/>) AND known to the AWS SDK's region list,
/// so a typo such as <c>eu-wst-1</c> — well-formed but not a region — is reported instead of failing later at the
/// endpoint. A region launched after this SDK version is not known until the SDK is updated.
/// </summary>
public static class KnownRegions
{
    private static readonly FrozenSet<string> Names =
        RegionEndpoint.EnumerableAllRegions.Select(r => r.SystemName).Where(RegionName.IsValid).ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKnown(string? region) => region is not null && RegionName.IsValid(region) && Names.Contains(region);

    /// <summary>Every known region name, sorted (for messages and tests).</summary>
    public static IReadOnlyList<string> All { get; } = [.. Names.Order(StringComparer.Ordinal)];
}
