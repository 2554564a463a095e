using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Images;
using Amazon.EC2.Model;

namespace AmiAutomation.Aws.Execution;

/// <summary>DeleteSnapshotResults → <see cref="SnapshotOutcome"/>, sizes taken from the image's block devices.</summary>
internal static class SnapshotOutcomes
{
    /// <summary>Return code used for the snapshots a dry run would have deleted.</summary>
    public const string DryRunCode = "dry-run";

    public static IReadOnlyList<SnapshotOutcome> FromResults(IEnumerable<DeleteSnapshotReturnCode>? results, AmiImage image)
    {
        var sizes = image.Snapshots
            .GroupBy(s => s.SnapshotId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().SizeGiB, StringComparer.Ordinal);
        return results is null
            ? []
            : [.. results
                .Where(r => !string.IsNullOrEmpty(r.SnapshotId))
                .Select(r => new SnapshotOutcome(r.SnapshotId, sizes.GetValueOrDefault(r.SnapshotId), r.ReturnCode?.Value ?? "unknown"))];
    }

    public static IReadOnlyList<SnapshotOutcome> WouldDelete(AmiImage image) =>
        [.. image.Snapshots.Select(s => new SnapshotOutcome(s.SnapshotId, s.SizeGiB, DryRunCode))];
}
