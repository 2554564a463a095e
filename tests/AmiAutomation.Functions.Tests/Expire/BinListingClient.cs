using Amazon;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>
/// ListImagesInRecycleBin / ListSnapshotsInRecycleBin as EC2 answers them: only the requested ids (all binned ones when
/// none are requested), in pages of <see cref="PageSize"/> behind <see cref="EmptyPagesFirst"/> empty pages, empty lists
/// as null (SDK v4), the last page's NextToken <see cref="FinalToken"/>. Every other call would go to the network: the
/// tests never make one. More than <see cref="MaxCalls"/> calls means a caller that pages forever.
/// </summary>
internal sealed class BinListingClient()
    : AmazonEC2Client(new BasicAWSCredentials("test", "test"), new AmazonEC2Config { RegionEndpoint = RegionEndpoint.EUWest1 })
{
    public const int MaxCalls = 200;

    public DateTimeOffset ExitTime { get; } = new(2027, 1, 6, 12, 0, 0, TimeSpan.Zero);

    public HashSet<string> Binned { get; } = new(StringComparer.Ordinal);

    public int PageSize { get; set; } = 1000;

    public int EmptyPagesFirst { get; set; }

    public string? FinalToken { get; set; }

    /// <summary>Thrown instead of answering the named listing.</summary>
    public Dictionary<string, Exception> Failures { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs after a listing computed its answer (action, 1-based call number of that action).</summary>
    public Action<string, int>? AfterCall { get; set; }

    public List<ListImagesInRecycleBinRequest> ImageRequests { get; } = [];

    public List<ListSnapshotsInRecycleBinRequest> SnapshotRequests { get; } = [];

    public override Task<ListImagesInRecycleBinResponse> ListImagesInRecycleBinAsync(ListImagesInRecycleBinRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ImageRequests.Add(request);
        var (page, next) = Answer("ListImagesInRecycleBin", ImageRequests.Count, request.ImageIds, request.NextToken, cancellationToken);
        return Task.FromResult(new ListImagesInRecycleBinResponse
        {
            Images = page.Count == 0 ? null : [.. page.Select(id => new ImageRecycleBinInfo { ImageId = id, RecycleBinExitTime = ExitTime.UtcDateTime })],
            NextToken = next,
        });
    }

    public override Task<ListSnapshotsInRecycleBinResponse> ListSnapshotsInRecycleBinAsync(ListSnapshotsInRecycleBinRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        SnapshotRequests.Add(request);
        var (page, next) = Answer("ListSnapshotsInRecycleBin", SnapshotRequests.Count, request.SnapshotIds, request.NextToken, cancellationToken);
        return Task.FromResult(new ListSnapshotsInRecycleBinResponse
        {
            Snapshots = page.Count == 0 ? null : [.. page.Select(id => new SnapshotRecycleBinInfo { SnapshotId = id, RecycleBinExitTime = ExitTime.UtcDateTime })],
            NextToken = next,
        });
    }

    private (List<string> Page, string? Next) Answer(string action, int call, List<string>? ids, string? token, CancellationToken cancellationToken)
    {
        if (ImageRequests.Count + SnapshotRequests.Count > MaxCalls)
        {
            throw new InvalidOperationException($"more than {MaxCalls} Recycle Bin listings: the caller pages forever");
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (Failures.TryGetValue(action, out var failure))
        {
            throw failure;
        }

        var prefix = action.StartsWith("ListImages", StringComparison.Ordinal) ? "ami-" : "snap-";
        var matching = Binned.Where(id => id.StartsWith(prefix, StringComparison.Ordinal) && (ids is not { Count: > 0 } || ids.Contains(id))).Order(StringComparer.Ordinal).ToList();
        var pages = Enumerable.Repeat(new List<string>(), EmptyPagesFirst).Concat(matching.Chunk(PageSize).Select(c => c.ToList())).ToList();
        var index = string.IsNullOrEmpty(token) ? 0 : int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
        var page = pages.Count == 0 ? [] : pages[index];
        var next = index + 1 < pages.Count ? (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : FinalToken;
        AfterCall?.Invoke(action, call);
        return (page, next);
    }
}
