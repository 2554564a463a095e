using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Aws.Execution;

/// <summary>
/// Reads our own snapshots by id with a <c>snapshot-id</c> filter (unlike SnapshotIds, a missing id is simply absent
/// instead of failing the whole call): which still exist, and their tags. Failures throw
/// <see cref="Amazon.Runtime.AmazonServiceException"/>.
/// </summary>
/// <remarks>ec2:DescribeSnapshots.</remarks>
public static class SnapshotReader
{
    /// <summary>Snapshot id → its tags, for the ids that exist (not deleted, not in the Recycle Bin).</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> ReadAsync(
        IAmazonEC2 client, IReadOnlyCollection<string> snapshotIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(snapshotIds);
        var found = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var chunk in snapshotIds.Distinct(StringComparer.Ordinal).Chunk(200))
        {
            string? token = null;
            do
            {
                var response = await client.DescribeSnapshotsAsync(
                    new DescribeSnapshotsRequest
                    {
                        OwnerIds = ["self"],
                        Filters = [new Filter("snapshot-id", [.. chunk])],
                        MaxResults = 1000,
                        NextToken = token,
                    },
                    cancellationToken);
                foreach (var snapshot in response?.Snapshots ?? [])
                {
                    if (snapshot?.SnapshotId is { Length: > 0 } id && chunk.Contains(id, StringComparer.Ordinal))
                    {
                        found[id] = (snapshot.Tags ?? []).Where(t => t.Key is not null)
                            .GroupBy(t => t.Key, StringComparer.Ordinal)
                            .ToDictionary(g => g.Key, g => g.Last().Value ?? string.Empty, StringComparer.Ordinal);
                    }
                }

                token = string.IsNullOrEmpty(response?.NextToken) ? null : response.NextToken;
            }
            while (token is not null);
        }

        return found;
    }
}
