using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Paging;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Restore;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using BinnedImage = AmiAutomation.Core.Restore.BinnedImage;
using BinnedSnapshot = AmiAutomation.Core.Restore.BinnedSnapshot;

namespace AmiAutomation.Aws.RecycleBin;

/// <summary>The Recycle Bin side of EC2 for one region: list binned AMIs and snapshots, restore them.</summary>
public sealed class Ec2RecycleBin
{
    /// <summary>ListImagesInRecycleBin accepts at most this many ImageIds per call.</summary>
    public const int MaxImageIdsPerCall = 20;

    /// <summary>SnapshotIds sent per ListSnapshotsInRecycleBin call (no documented limit; kept small).</summary>
    public const int MaxSnapshotIdsPerCall = 20;

    public const int PageSize = 1000;

    /// <summary>Loop guard for one listing (1,000 pages of 1,000).</summary>
    public const int MaxPages = 1000;

    private readonly RestoreCalls _calls;

    public Ec2RecycleBin(IAmazonEC2 ec2, Ec2RateLimiter? limiter = null)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        _calls = new RestoreCalls(ec2, limiter);
    }

    /// <summary>Binned AMIs: every one (<paramref name="imageIds"/> null) or those of the ids (20 per call).</summary>
    /// <remarks>ec2:ListImagesInRecycleBin</remarks>
    public async Task<IReadOnlyList<BinnedImage>> ListImagesAsync(IReadOnlyCollection<string>? imageIds, CancellationToken cancellationToken)
    {
        var result = new List<BinnedImage>();
        if (imageIds is null)
        {
            await ListImagePagesAsync(null, result, cancellationToken);
            return result;
        }

        foreach (var batch in imageIds.Distinct(StringComparer.Ordinal).Chunk(MaxImageIdsPerCall))
        {
            try
            {
                await ListImagePagesAsync([.. batch], result, cancellationToken);
            }
            catch (AmazonServiceException ex) when (Ec2ErrorCodes.ImageGone.Contains(ex.ErrorCode ?? string.Empty))
            {
                // Undocumented: an id the bin does not hold may be refused instead of omitted. Ask one by one.
                foreach (var id in batch.Length > 1 ? batch : [])
                {
                    result.AddRange(await ListImagesAsync([id], cancellationToken));
                }
            }
        }

        return result;
    }

    /// <summary>Binned snapshots: every one (<paramref name="snapshotIds"/> null) or those of the ids.</summary>
    /// <remarks>ec2:ListSnapshotsInRecycleBin</remarks>
    public async Task<IReadOnlyList<BinnedSnapshot>> ListSnapshotsAsync(IReadOnlyCollection<string>? snapshotIds, CancellationToken cancellationToken)
    {
        var result = new List<BinnedSnapshot>();
        if (snapshotIds is null)
        {
            await ListSnapshotPagesAsync(null, result, cancellationToken);
            return result;
        }

        var wanted = snapshotIds.Distinct(StringComparer.Ordinal).ToList();
        try
        {
            foreach (var batch in wanted.Chunk(MaxSnapshotIdsPerCall))
            {
                await ListSnapshotPagesAsync([.. batch], result, cancellationToken);
            }

            return result;
        }
        catch (AmazonServiceException ex) when (Ec2ErrorCodes.Is(ex, Ec2ErrorCodes.SnapshotNotFound))
        {
            // Undocumented: an id the bin does not hold may be refused instead of omitted. Read the whole bin.
            var all = await ListSnapshotsAsync(null, cancellationToken);
            var set = wanted.ToHashSet(StringComparer.Ordinal);
            return [.. all.Where(s => set.Contains(s.SnapshotId))];
        }
    }

    /// <remarks>ec2:RestoreSnapshotFromRecycleBin</remarks>
    public Task<Ec2CallOutcome> RestoreSnapshotAsync(string snapshotId, bool dryRun, CancellationToken cancellationToken) =>
        _calls.ChangeAsync("RestoreSnapshotFromRecycleBin", Ec2ActionClass.Mutate, dryRun, async client =>
        {
            await client.RestoreSnapshotFromRecycleBinAsync(
                new RestoreSnapshotFromRecycleBinRequest { SnapshotId = snapshotId, DryRun = dryRun ? true : null },
                CancellationToken.None);
            return true;
        }, cancellationToken);

    /// <remarks>ec2:RestoreImageFromRecycleBin</remarks>
    public Task<Ec2CallOutcome> RestoreImageAsync(string imageId, bool dryRun, CancellationToken cancellationToken) =>
        _calls.ChangeAsync("RestoreImageFromRecycleBin", Ec2ActionClass.Mutate, dryRun, async client =>
        {
            var response = await client.RestoreImageFromRecycleBinAsync(
                new RestoreImageFromRecycleBinRequest { ImageId = imageId, DryRun = dryRun ? true : null },
                CancellationToken.None);
            return response?.Return;
        }, cancellationToken);

    private Task<int> ListImagePagesAsync(List<string>? ids, List<BinnedImage> into, CancellationToken cancellationToken) =>
        Pager.ReadAllAsync(
            "ListImagesInRecycleBin",
            (token, ct) => _calls.ReadAsync(
                "ListImagesInRecycleBin",
                (client, c) => client.ListImagesInRecycleBinAsync(
                    new ListImagesInRecycleBinRequest { ImageIds = ids, MaxResults = ids is null ? PageSize : null, NextToken = token }, c),
                ct),
            response => response.NextToken,
            response => into.AddRange((response.Images ?? []).Where(i => !string.IsNullOrEmpty(i.ImageId)).Select(ToCore)),
            MaxPages,
            cancellationToken);

    private Task<int> ListSnapshotPagesAsync(List<string>? ids, List<BinnedSnapshot> into, CancellationToken cancellationToken) =>
        Pager.ReadAllAsync(
            "ListSnapshotsInRecycleBin",
            (token, ct) => _calls.ReadAsync(
                "ListSnapshotsInRecycleBin",
                (client, c) => client.ListSnapshotsInRecycleBinAsync(
                    new ListSnapshotsInRecycleBinRequest { SnapshotIds = ids, MaxResults = ids is null ? PageSize : null, NextToken = token }, c),
                ct),
            response => response.NextToken,
            response => into.AddRange((response.Snapshots ?? []).Where(s => !string.IsNullOrEmpty(s.SnapshotId)).Select(ToCore)),
            MaxPages,
            cancellationToken);

    private static BinnedImage ToCore(ImageRecycleBinInfo image) => new()
    {
        ImageId = image.ImageId,
        Name = image.Name ?? string.Empty,
        Description = image.Description,
        EnteredAt = ToTime(image.RecycleBinEnterTime),
        ExitsAt = ToTime(image.RecycleBinExitTime),
    };

    private static BinnedSnapshot ToCore(SnapshotRecycleBinInfo snapshot) => new()
    {
        SnapshotId = snapshot.SnapshotId,
        Description = snapshot.Description,
        VolumeId = snapshot.VolumeId,
        EnteredAt = ToTime(snapshot.RecycleBinEnterTime),
        ExitsAt = ToTime(snapshot.RecycleBinExitTime),
    };

    /// <summary>The SDK returns UTC; an unspecified kind is taken as UTC too.</summary>
    private static DateTimeOffset? ToTime(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Local } local => new DateTimeOffset(local.ToUniversalTime()),
        { } time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
    };
}
