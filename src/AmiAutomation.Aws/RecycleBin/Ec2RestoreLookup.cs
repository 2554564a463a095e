using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Mapping;
using AmiAutomation.Aws.Paging;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Restore;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace AmiAutomation.Aws.RecycleBin;

/// <summary>The reads a restore needs outside the bin: registered images and snapshots, by id or by description.</summary>
public sealed class Ec2RestoreLookup
{
    /// <summary>Ids per DescribeImages / DescribeSnapshots call (EC2 advises at most 1,000).</summary>
    public const int MaxIdsPerCall = 200;

    private readonly RestoreCalls _calls;
    private readonly string _region;

    public Ec2RestoreLookup(IAmazonEC2 ec2, string region, Ec2RateLimiter? limiter = null)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        ArgumentException.ThrowIfNullOrEmpty(region);
        _calls = new RestoreCalls(ec2, limiter);
        _region = region;
    }

    /// <summary>
    /// The registered images among <paramref name="imageIds"/>, whoever owns them (binned, purged and unknown ids are
    /// simply absent). Disabled and deprecated images included.
    /// </summary>
    /// <remarks>ec2:DescribeImages</remarks>
    public async Task<IReadOnlyList<AmiImage>> DescribeImagesAsync(IReadOnlyCollection<string> imageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(imageIds);
        var result = new List<AmiImage>();
        foreach (var batch in imageIds.Distinct(StringComparer.Ordinal).Chunk(MaxIdsPerCall))
        {
            try
            {
                var response = await _calls.ReadAsync(
                    "DescribeImages",
                    (client, ct) => client.DescribeImagesAsync(
                        new DescribeImagesRequest { ImageIds = [.. batch], IncludeDeprecated = true, IncludeDisabled = true }, ct),
                    cancellationToken);
                result.AddRange((response.Images ?? []).Select(i => Ec2ImageMapper.ToAmiImage(i, _region)));
            }
            catch (AmazonServiceException ex) when (Ec2ErrorCodes.ImageGone.Contains(ex.ErrorCode ?? string.Empty))
            {
                foreach (var id in batch.Length > 1 ? batch : [])
                {
                    result.AddRange(await DescribeImagesAsync([id], cancellationToken));
                }
            }
        }

        return result;
    }

    /// <summary>The registered snapshots among <paramref name="snapshotIds"/> (unknown ids are absent).</summary>
    /// <remarks>ec2:DescribeSnapshots</remarks>
    public async Task<IReadOnlyDictionary<string, SnapshotStatus>> DescribeSnapshotsAsync(IReadOnlyCollection<string> snapshotIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshotIds);
        var result = new Dictionary<string, SnapshotStatus>(StringComparer.Ordinal);
        foreach (var batch in snapshotIds.Distinct(StringComparer.Ordinal).Chunk(MaxIdsPerCall))
        {
            try
            {
                var response = await _calls.ReadAsync(
                    "DescribeSnapshots",
                    (client, ct) => client.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [.. batch] }, ct),
                    cancellationToken);
                foreach (var snapshot in response.Snapshots ?? [])
                {
                    result[snapshot.SnapshotId] = ToStatus(snapshot);
                }
            }
            catch (AmazonServiceException ex) when (Ec2ErrorCodes.Is(ex, Ec2ErrorCodes.SnapshotNotFound))
            {
                foreach (var id in batch.Length > 1 ? batch : [])
                {
                    foreach (var (key, value) in await DescribeSnapshotsAsync([id], cancellationToken))
                    {
                        result[key] = value;
                    }
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The account's registered snapshots whose EC2 description names <paramref name="imageId"/> (see
    /// <see cref="SnapshotDescriptions"/>): the fallback when the ledger has no record.
    /// </summary>
    /// <remarks>ec2:DescribeSnapshots</remarks>
    public async Task<IReadOnlyList<SnapshotStatus>> FindSnapshotsOfImageAsync(string imageId, CancellationToken cancellationToken)
    {
        var result = new List<SnapshotStatus>();
        await Pager.ReadAllAsync(
            "DescribeSnapshots",
            (token, ct) => _calls.ReadAsync(
                "DescribeSnapshots",
                (client, c) => client.DescribeSnapshotsAsync(
                    new DescribeSnapshotsRequest
                    {
                        OwnerIds = ["self"],
                        Filters = [new Filter { Name = "description", Values = [$"*{imageId}*"] }],
                        MaxResults = 1000,
                        NextToken = token,
                    },
                    c),
                ct),
            response => response.NextToken,
            response => result.AddRange((response.Snapshots ?? [])
                .Where(s => SnapshotDescriptions.NamesImage(s.Description, imageId))
                .Select(ToStatus)),
            Ec2RecycleBin.MaxPages,
            cancellationToken);
        return result;
    }

    /// <summary>Maps a DescribeSnapshots state to where the snapshot stands for a restore.</summary>
    public static SnapshotCondition ConditionOf(string? state) => state switch
    {
        "completed" => SnapshotCondition.Ready,
        "pending" or "recovering" => SnapshotCondition.Restoring,
        "recoverable" => SnapshotCondition.InRecycleBin,
        "error" => SnapshotCondition.Failed,
        _ => SnapshotCondition.Restoring,
    };

    private static SnapshotStatus ToStatus(Snapshot snapshot) =>
        new(snapshot.SnapshotId, snapshot.State?.Value ?? string.Empty, snapshot.VolumeSize ?? 0, snapshot.Description, snapshot.OwnerId);
}
