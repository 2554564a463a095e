using AmiAutomation.Aws.Errors;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace AmiAutomation.Functions.Expire;

/// <summary>
/// After a deregistration: polls ListImagesInRecycleBin for the image and ListSnapshotsInRecycleBin for its deleted
/// snapshots (ids batched) until all show up or <c>maxWait</c> has passed (the bin's listing may lag: EC2 is eventually
/// consistent). A resource whose last listing answered without it is <see cref="BinStatus.NotInBin"/>; one whose last
/// listing failed (denied, throttled) or was cut by the deadline is <see cref="BinStatus.CouldNotCheck"/>, never
/// reported as lost. Waiting goes through the injected <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>ec2:ListImagesInRecycleBin, ec2:ListSnapshotsInRecycleBin.</remarks>
public sealed class RecycleBinVerifier(IAmazonEC2 client, TimeProvider time, TimeSpan maxWait, TimeSpan? pollInterval = null)
{
    /// <summary>Default pause between polls.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(2);

    /// <summary>ListImagesInRecycleBin takes at most 20 ids; snapshots go in batches of the same size.</summary>
    public const int BatchSize = 20;

    public async Task<RecycleBinCheck> VerifyAsync(string imageId, IReadOnlyList<string> snapshotIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshotIds);
        var interval = pollInterval ?? DefaultPollInterval;
        var start = time.GetUtcNow();
        var state = new Dictionary<string, BinResourceCheck>(StringComparer.Ordinal)
        {
            [imageId] = new(imageId, true, BinStatus.NotInBin, null, null),
        };
        foreach (var id in snapshotIds.Distinct(StringComparer.Ordinal))
        {
            state[id] = new BinResourceCheck(id, false, BinStatus.NotInBin, null, null);
        }

        var attempts = 0;
        while (true)
        {
            attempts++;
            try
            {
                await PollAsync(state, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return Finish(imageId, state, attempts, start, "the invocation's deadline interrupted the check");
            }

            if (state.Values.All(r => r.Status == BinStatus.InBin))
            {
                return Finish(imageId, state, attempts, start, null);
            }

            var remaining = start + maxWait - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return Finish(imageId, state, attempts, start, null);
            }

            try
            {
                await Task.Delay(remaining < interval ? remaining : interval, time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return Finish(imageId, state, attempts, start, "the invocation's deadline interrupted the check");
            }
        }
    }

    private RecycleBinCheck Finish(string imageId, Dictionary<string, BinResourceCheck> state, int attempts, DateTimeOffset start, string? interrupted)
    {
        var resources = state.Values
            .Select(r => interrupted is not null && r.Status != BinStatus.InBin ? r with { Status = BinStatus.CouldNotCheck, LastError = interrupted } : r)
            .OrderBy(r => r.IsImage ? 0 : 1)
            .ToList();
        return new RecycleBinCheck(imageId, resources, attempts, time.GetUtcNow() - start);
    }

    private async Task PollAsync(Dictionary<string, BinResourceCheck> state, CancellationToken cancellationToken)
    {
        foreach (var batch in state.Values.Where(r => r.Status != BinStatus.InBin).GroupBy(r => r.IsImage).ToList())
        {
            foreach (var chunk in batch.Select(r => r.ResourceId).Chunk(BatchSize))
            {
                try
                {
                    var found = batch.Key
                        ? await ListImagesAsync(chunk, cancellationToken)
                        : await ListSnapshotsAsync(chunk, cancellationToken);
                    foreach (var id in chunk)
                    {
                        state[id] = found.TryGetValue(id, out var exit)
                            ? state[id] with { Status = BinStatus.InBin, ExitTime = exit, LastError = null }
                            : state[id] with { Status = BinStatus.NotInBin, LastError = null };
                    }
                }
                catch (AmazonServiceException ex)
                {
                    var action = batch.Key ? "ListImagesInRecycleBin" : "ListSnapshotsInRecycleBin";
                    foreach (var id in chunk)
                    {
                        state[id] = state[id] with { Status = BinStatus.CouldNotCheck, LastError = $"{action}: {Ec2ErrorCodes.Describe(ex)}" };
                    }
                }
            }
        }
    }

    private async Task<Dictionary<string, DateTimeOffset?>> ListImagesAsync(string[] ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var response = await client.ListImagesInRecycleBinAsync(
                new ListImagesInRecycleBinRequest { ImageIds = [.. ids], NextToken = token },
                cancellationToken);
            foreach (var entry in response?.Images ?? [])
            {
                if (entry?.ImageId is { } id)
                {
                    found[id] = Utc(entry.RecycleBinExitTime);
                }
            }

            token = string.IsNullOrEmpty(response?.NextToken) ? null : response.NextToken;
        }
        while (token is not null);

        return found;
    }

    private async Task<Dictionary<string, DateTimeOffset?>> ListSnapshotsAsync(string[] ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var response = await client.ListSnapshotsInRecycleBinAsync(
                new ListSnapshotsInRecycleBinRequest { SnapshotIds = [.. ids], NextToken = token },
                cancellationToken);
            foreach (var entry in response?.Snapshots ?? [])
            {
                if (entry?.SnapshotId is { } id)
                {
                    found[id] = Utc(entry.RecycleBinExitTime);
                }
            }

            token = string.IsNullOrEmpty(response?.NextToken) ? null : response.NextToken;
        }
        while (token is not null);

        return found;
    }

    private static DateTimeOffset? Utc(DateTime? time) =>
        time is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
}
