using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Paging;
using Amazon.EC2;
using Amazon.EC2.Model;
using NSubstitute;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>Which of our snapshots still exist and their tags: the request sent, paging, chunks of 200 ids, odd answers.</summary>
public sealed class SnapshotReaderTests
{
    private readonly IAmazonEC2 _ec2 = Substitute.For<IAmazonEC2>();
    private readonly List<DescribeSnapshotsRequest> _requests = [];

    /// <summary>Answers each request with the next response (the last one repeats), recording the request.</summary>
    private void Answer(params DescribeSnapshotsResponse?[] responses)
    {
        var next = 0;
        _ec2.DescribeSnapshotsAsync(Arg.Any<DescribeSnapshotsRequest>(), Arg.Any<CancellationToken>())
            .Returns(ci =>
            {
                _requests.Add(ci.Arg<DescribeSnapshotsRequest>());
                return responses[Math.Min(next++, responses.Length - 1)]!;
            });
    }

    private static Snapshot Snap(string id, params (string? Key, string? Value)[] tags) =>
        new() { SnapshotId = id, Tags = tags.Length == 0 ? null : [.. tags.Select(t => new Tag { Key = t.Key, Value = t.Value })] };

    [Fact]
    public async Task ReadAsync_TwoPages_SendsOwnSnapshotIdFilterAndFollowsNextToken()
    {
        Answer(
            new DescribeSnapshotsResponse { Snapshots = [Snap("snap-1", ("Name", "root"))], NextToken = "t2" },
            new DescribeSnapshotsResponse { Snapshots = [Snap("snap-2")], NextToken = string.Empty });

        var found = await SnapshotReader.ReadAsync(_ec2, ["snap-1", "snap-2", "snap-1", "snap-gone"], CancellationToken.None);

        Assert.Equal(["snap-1", "snap-2"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("root", found["snap-1"]["Name"]);
        Assert.Empty(found["snap-2"]);
        Assert.Equal(2, _requests.Count);
        Assert.All(_requests, r =>
        {
            Assert.Equal(["self"], r.OwnerIds);
            var filter = Assert.Single(r.Filters);
            Assert.Equal("snapshot-id", filter.Name);
            Assert.Equal(["snap-1", "snap-2", "snap-gone"], filter.Values);
            Assert.Equal(1000, r.MaxResults);
        });
        Assert.Equal([null, "t2"], _requests.Select(r => r.NextToken));
    }

    [Fact]
    public async Task ReadAsync_TagsWithRepeatedNullKeyOrNullValue_LastValueWinsNullKeySkipped()
    {
        Answer(new DescribeSnapshotsResponse { Snapshots = [Snap("snap-1", ("a", "first"), ("a", "second"), (null, "x"), ("b", null))] });

        var found = await SnapshotReader.ReadAsync(_ec2, ["snap-1"], CancellationToken.None);

        Assert.Equal(new Dictionary<string, string> { ["a"] = "second", ["b"] = string.Empty }, found["snap-1"]);
    }

    [Fact]
    public async Task ReadAsync_SnapshotNotAskedFor_Ignored()
    {
        Answer(new DescribeSnapshotsResponse { Snapshots = [Snap("snap-other"), new Snapshot(), Snap("snap-1")] });

        var found = await SnapshotReader.ReadAsync(_ec2, ["snap-1"], CancellationToken.None);

        Assert.Equal(["snap-1"], found.Keys);
    }

    [Fact]
    public async Task ReadAsync_NoSnapshotsInTheAnswer_NothingFound()
    {
        Answer(new DescribeSnapshotsResponse());

        Assert.Empty(await SnapshotReader.ReadAsync(_ec2, ["snap-1"], CancellationToken.None));
        Assert.Single(_requests);
    }

    [Fact]
    public async Task ReadAsync_NoAnswerAtAll_ThrowsInsteadOfReadingTheSnapshotsAsGone()
    {
        Answer((DescribeSnapshotsResponse?)null);

        var ex = await Assert.ThrowsAsync<PagingTruncatedException>(() => SnapshotReader.ReadAsync(_ec2, ["snap-1"], CancellationToken.None));

        Assert.Contains("DescribeSnapshots returned no response", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NextTokenRepeated_ThrowsNamingTheCallInsteadOfLooping()
    {
        Answer(
            new DescribeSnapshotsResponse { Snapshots = [Snap("snap-1")], NextToken = "again" },
            new DescribeSnapshotsResponse { Snapshots = [Snap("snap-1")], NextToken = "again" });

        var ex = await Assert.ThrowsAsync<PagingTruncatedException>(() => SnapshotReader.ReadAsync(_ec2, ["snap-1"], CancellationToken.None));

        Assert.Contains("DescribeSnapshots returned the NextToken 'again' a second time", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, _requests.Count);
    }

    [Fact]
    public async Task ReadAsync_NeverEndingListing_StopsAfterThePageCap()
    {
        var page = 0;
        _ec2.DescribeSnapshotsAsync(Arg.Any<DescribeSnapshotsRequest>(), Arg.Any<CancellationToken>())
            .Returns(_ => new DescribeSnapshotsResponse { Snapshots = [], NextToken = $"t{++page}" });

        var ex = await Assert.ThrowsAsync<PagingTruncatedException>(() => SnapshotReader.ReadAsync(_ec2, ["snap-1"], CancellationToken.None));

        Assert.Contains($"after {SnapshotReader.MaxPagesPerChunk} pages", ex.Message, StringComparison.Ordinal);
        Assert.Equal(SnapshotReader.MaxPagesPerChunk, page);
    }

    [Fact]
    public async Task ReadAsync_MoreThan200Ids_OneCallPerChunkOf200()
    {
        var ids = Enumerable.Range(0, 201).Select(i => $"snap-{i}").ToList();
        _ec2.DescribeSnapshotsAsync(Arg.Any<DescribeSnapshotsRequest>(), Arg.Any<CancellationToken>())
            .Returns(ci =>
            {
                var request = ci.Arg<DescribeSnapshotsRequest>();
                _requests.Add(request);
                return new DescribeSnapshotsResponse { Snapshots = [.. request.Filters[0].Values.Select(id => Snap(id))] };
            });

        var found = await SnapshotReader.ReadAsync(_ec2, ids, CancellationToken.None);

        Assert.Equal(201, found.Count);
        Assert.Equal([200, 1], _requests.Select(r => r.Filters[0].Values.Count));
    }
}
