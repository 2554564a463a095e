using AmiAutomation.Aws.Paging;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Aws.Execution;

/// <summary>
/// Reads our own snapshots by id with a <c>snapshot-id</c> filter (unlike SnapshotIds, a missing id is simply absent
/// instead of failing the whole call): which still exist, and their tags. Failures throw
/// <see cref="Amazon.Runtime.AmazonServiceException"/>; an answer missing, looping or longer than
/// <see cref="MaxPagesPerChunk"/> pages throws <see cref="PagingTruncatedException"/>.
/// </summary>
/// <remarks>ec2:DescribeSnapshots.</remarks>
public static class SnapshotReader
{
    /// <summary>200 ids fit one page of 1,000; more pages than this for one chunk means the listing does not end.</summary>
    public const int MaxPagesPerChunk = 20;

    /// <summary>Snapshot id → its tags, for the ids that exist (not deleted, not in the Recycle Bin).</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> ReadAsync(
        IAmazonEC2 client, IReadOnlyCollection<string> snapshotIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(snapshotIds);
        var found = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var chunk in snapshotIds.Distinct(StringComparer.Ordinal).Chunk(200))
        {
            // Through the pager: an answer that is missing, loops its NextToken or never ends throws instead of reading
            // as "these snapshots are gone" (which would drop them from the Recycle Bin check) or spinning to the deadline.
            await Pager.ReadAllAsync(
                "DescribeSnapshots",
                (token, ct) => client.DescribeSnapshotsAsync(
                    new DescribeSnapshotsRequest
                    {
                        OwnerIds = ["self"],
                        Filters = [new Filter("snapshot-id", [.. chunk])],
                        MaxResults = 1000,
                        NextToken = token,
                    },
                    ct),
                response => response.NextToken,
                response => Collect(response, chunk, found),
                MaxPagesPerChunk,
                cancellationToken);
        }

        return found;
    }

    private static void Collect(DescribeSnapshotsResponse response, string[] chunk, Dictionary<string, IReadOnlyDictionary<string, string>> found)
    {
        foreach (var snapshot in response.Snapshots ?? [])
        {
            if (snapshot?.SnapshotId is { Length: > 0 } id && chunk.Contains(id, StringComparer.Ordinal))
            {
                found[id] = (snapshot.Tags ?? []).Where(t => t.Key is not null)
                    .GroupBy(t => t.Key, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Last().Value ?? string.Empty, StringComparer.Ordinal);
            }
        }
    }
}
