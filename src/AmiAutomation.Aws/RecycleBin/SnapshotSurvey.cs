using AmiAutomation.Core.Restore;

namespace AmiAutomation.Aws.RecycleBin;

/// <summary>
/// Finds the snapshots an image needs and where each stands: from the ledger record when there is one, else by
/// EC2's snapshot descriptions (binned and registered snapshots that name the image).
/// </summary>
internal sealed class SnapshotSurvey(Ec2RecycleBin bin, Ec2RestoreLookup lookup)
{
    /// <remarks>ec2:ListSnapshotsInRecycleBin, ec2:DescribeSnapshots</remarks>
    public async Task<(IReadOnlyList<SnapshotRequirement> Snapshots, SnapshotSource Source)> SurveyAsync(
        RestoreCandidate candidate, CancellationToken cancellationToken)
    {
        if (candidate.Ledger is { Snapshots.Count: > 0 } record)
        {
            var ids = record.Snapshots.Select(s => s.SnapshotId).Distinct(StringComparer.Ordinal).ToList();
            var binned = (await bin.ListSnapshotsAsync(ids, cancellationToken))
                .Select(s => s.SnapshotId).ToHashSet(StringComparer.Ordinal);
            var outside = ids.Where(id => !binned.Contains(id)).ToList();
            var described = outside.Count == 0
                ? new Dictionary<string, SnapshotStatus>()
                : await lookup.DescribeSnapshotsAsync(outside, cancellationToken);
            var sizes = record.Snapshots.GroupBy(s => s.SnapshotId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().SizeGiB, StringComparer.Ordinal);
            return ([.. ids.Select(id => new SnapshotRequirement(id, sizes[id], Condition(id, binned, described)))], SnapshotSource.Ledger);
        }

        var fromBin = (await bin.ListSnapshotsAsync(null, cancellationToken))
            .Where(s => SnapshotDescriptions.NamesImage(s.Description, candidate.ImageId))
            .Select(s => new SnapshotRequirement(s.SnapshotId, 0, SnapshotCondition.InRecycleBin))
            .ToList();
        var inBin = fromBin.Select(s => s.SnapshotId).ToHashSet(StringComparer.Ordinal);
        var registered = (await lookup.FindSnapshotsOfImageAsync(candidate.ImageId, cancellationToken))
            .Where(s => !inBin.Contains(s.SnapshotId))
            .Select(s => new SnapshotRequirement(s.SnapshotId, s.SizeGiB, Ec2RestoreLookup.ConditionOf(s.State)));
        return ([.. fromBin.Concat(registered).OrderBy(s => s.SnapshotId, StringComparer.Ordinal)], SnapshotSource.Description);
    }

    private static SnapshotCondition Condition(string id, HashSet<string> binned, IReadOnlyDictionary<string, SnapshotStatus> described) =>
        binned.Contains(id) ? SnapshotCondition.InRecycleBin
        : described.TryGetValue(id, out var status) ? Ec2RestoreLookup.ConditionOf(status.State)
        : SnapshotCondition.Missing;
}
