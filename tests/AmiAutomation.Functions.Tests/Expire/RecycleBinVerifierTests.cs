using AmiAutomation.Functions.Expire;
using Amazon.Runtime;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>
/// The check after a deregistration, against a scripted bin listing and a clock that moves only when the verifier
/// waits: pagination followed to the last page, polls repeated until the listing catches up, the deadline honoured to
/// the second, failures and the invocation's deadline reported as "could not check", never as "lost".
/// </summary>
public sealed class RecycleBinVerifierTests
{
    private const string Image = "ami-0aaa";
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);
    private readonly BinListingClient _client = new();
    private readonly SteppingTime _time = new(Start);

    private Task<RecycleBinCheck> Verify(TimeSpan maxWait, TimeSpan? interval, IReadOnlyList<string> snapshots, CancellationToken cancellationToken = default) =>
        new RecycleBinVerifier(_client, _time, maxWait, interval).VerifyAsync(Image, snapshots, cancellationToken);

    [Fact]
    public async Task VerifyAsync_SnapshotListedOnlyOnSecondPoll_PollsAgainAfterTheIntervalAndFindsAllInBin()
    {
        _client.Binned.UnionWith([Image, "snap-1"]);
        _client.AfterCall = (action, call) =>
        {
            if (action == "ListSnapshotsInRecycleBin" && call == 1)
            {
                _client.Binned.Add("snap-2"); // the bin's listing lags behind the deletion
            }
        };

        var check = await Verify(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10), ["snap-1", "snap-2"]);

        Assert.True(check.AllInBin);
        Assert.Equal(BinStatus.InBin, check.Worst);
        Assert.Equal(2, check.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(10)], _time.Waits);
        Assert.Equal(TimeSpan.FromSeconds(10), check.Waited);
        Assert.Single(_client.ImageRequests); // found on the first poll: not asked again
        Assert.Equal(["snap-2"], _client.SnapshotRequests[1].SnapshotIds);
        Assert.All(check.Resources, r => Assert.Equal(_client.ExitTime, r.ExitTime));
        Assert.Contains($"{Image} and its 2 deleted snapshot(s) are in the Recycle Bin (2 poll(s))", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_NoIntervalGiven_PollsEveryTwoSeconds()
    {
        var check = await Verify(TimeSpan.FromSeconds(5), null, []);

        Assert.Equal(RecycleBinVerifier.DefaultPollInterval, TimeSpan.FromSeconds(2));
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)], _time.Waits);
        Assert.Equal(4, check.Attempts);
    }

    [Fact]
    public async Task VerifyAsync_ImageNeverListed_StopsExactlyAtTheDeadlineAndReportsItLost()
    {
        var check = await Verify(TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(10), []);

        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)], _time.Waits);
        Assert.Equal(TimeSpan.FromSeconds(25), check.Waited);
        Assert.Equal(4, check.Attempts);
        Assert.Equal(4, _client.ImageRequests.Count);
        Assert.False(check.AllInBin);
        Assert.Equal(BinStatus.NotInBin, check.Worst);
        var reason = check.Describe();
        Assert.Contains($"image {Image} was not in the Recycle Bin after 25 s (4 poll(s))", reason, StringComparison.Ordinal);
        Assert.Contains("no available EC2_IMAGE retention rule kept it", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_ResourcesOnLaterPages_FollowsNextTokenAndCountsThem()
    {
        _client.Binned.UnionWith([Image, "snap-1", "snap-2", "snap-3", "ami-0other", "snap-other"]);
        _client.PageSize = 2;
        _client.EmptyPagesFirst = 1;

        var check = await Verify(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10), ["snap-1", "snap-2", "snap-3"]);

        Assert.True(check.AllInBin);
        Assert.Equal(1, check.Attempts);
        Assert.Empty(_time.Waits);
        Assert.Equal([null, "1"], _client.ImageRequests.Select(r => r.NextToken));
        Assert.All(_client.ImageRequests, r => Assert.Equal([Image], r.ImageIds));
        Assert.Equal([null, "1", "2"], _client.SnapshotRequests.Select(r => r.NextToken));
        Assert.All(_client.SnapshotRequests, r => Assert.Equal(["snap-1", "snap-2", "snap-3"], r.SnapshotIds));
        Assert.Contains($"{Image} and its 3 deleted snapshot(s) are in the Recycle Bin (1 poll(s))", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_LastPageCarriesEmptyNextToken_TreatedAsTheEnd()
    {
        _client.Binned.UnionWith([Image, "snap-1"]);
        _client.FinalToken = string.Empty;

        var check = await Verify(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10), ["snap-1"]);

        Assert.True(check.AllInBin);
        Assert.Single(_client.ImageRequests);
        Assert.Single(_client.SnapshotRequests);
    }

    [Fact]
    public async Task VerifyAsync_ImageAndOneSnapshotMissing_ImageFirstEachNamingItsRule()
    {
        _client.Binned.Add("snap-1");

        var check = await Verify(TimeSpan.Zero, TimeSpan.FromSeconds(10), ["snap-1", "snap-2"]);

        Assert.True(check.Resources[0].IsImage);
        Assert.Equal(BinStatus.NotInBin, check.Worst);
        var misses = check.Describe().Split("; ");
        Assert.Equal(2, misses.Length);
        Assert.StartsWith($"image {Image} was not in the Recycle Bin", misses[0], StringComparison.Ordinal);
        Assert.Contains("EC2_IMAGE retention rule", misses[0], StringComparison.Ordinal);
        Assert.StartsWith($"snapshot snap-2 of {Image} was not in the Recycle Bin", misses[1], StringComparison.Ordinal);
        Assert.Contains("EBS_SNAPSHOT retention rule", misses[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_ListingsDenied_CouldNotCheckNamingTheFailedListing()
    {
        _client.Failures["ListImagesInRecycleBin"] = Denied("ec2:ListImagesInRecycleBin");
        _client.Failures["ListSnapshotsInRecycleBin"] = Denied("ec2:ListSnapshotsInRecycleBin");

        var check = await Verify(TimeSpan.Zero, TimeSpan.FromSeconds(10), ["snap-1"]);

        Assert.Equal(BinStatus.CouldNotCheck, check.Worst);
        Assert.All(check.Resources, r => Assert.Equal(BinStatus.CouldNotCheck, r.Status));
        Assert.StartsWith("ListImagesInRecycleBin: UnauthorizedOperation", check.Resources[0].LastError, StringComparison.Ordinal);
        Assert.StartsWith("ListSnapshotsInRecycleBin: UnauthorizedOperation", check.Resources[1].LastError, StringComparison.Ordinal);
        var reason = check.Describe();
        Assert.Contains($"could not check whether image {Image} is in the Recycle Bin (ListImagesInRecycleBin: UnauthorizedOperation", reason, StringComparison.Ordinal);
        Assert.Contains("the image may well be in the bin", reason, StringComparison.Ordinal);
        Assert.Contains($"could not check whether snapshot snap-1 of {Image} is in the Recycle Bin (ListSnapshotsInRecycleBin: UnauthorizedOperation", reason, StringComparison.Ordinal);
        Assert.Contains("the snapshot may well be in the bin", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_DeadlineDuringTheWait_MissesCouldNotCheckListedOnesStayInBin()
    {
        using var deadline = new CancellationTokenSource();
        _client.Binned.Add("snap-1");
        _client.AfterCall = (action, _) =>
        {
            if (action == "ListSnapshotsInRecycleBin")
            {
                deadline.Cancel(); // after the poll answered: the verifier is cut while it waits for the next one
            }
        };

        var check = await Verify(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10), ["snap-1"], deadline.Token);

        Assert.Equal(1, check.Attempts);
        Assert.Equal(BinStatus.CouldNotCheck, check.Worst);
        Assert.Equal(BinStatus.CouldNotCheck, check.Resources[0].Status);
        Assert.Equal("the invocation's deadline interrupted the check", check.Resources[0].LastError);
        Assert.Equal(BinStatus.InBin, check.Resources[1].Status);
        Assert.Null(check.Resources[1].LastError);
    }

    [Fact]
    public async Task VerifyAsync_DeadlineDuringTheListing_CouldNotCheckNotLost()
    {
        using var deadline = new CancellationTokenSource();
        _client.AfterCall = (_, _) =>
        {
            deadline.Cancel();
            deadline.Token.ThrowIfCancellationRequested();
        };

        var check = await Verify(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10), [], deadline.Token);

        Assert.Equal(1, check.Attempts);
        Assert.Empty(_time.Waits);
        var image = Assert.Single(check.Resources);
        Assert.Equal(BinStatus.CouldNotCheck, image.Status);
        Assert.Equal("the invocation's deadline interrupted the check", image.LastError);
        Assert.Contains("deadline interrupted the check", check.Describe(), StringComparison.Ordinal);
    }

    private static AmazonServiceException Denied(string action) =>
        new($"You are not authorized to perform: {action}", ErrorType.Sender, "UnauthorizedOperation", "req-1", System.Net.HttpStatusCode.Forbidden);
}
