using AmiAutomation.Aws.RecycleBin;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Execution;
using Amazon.EC2;
using Amazon.EC2.Model;
using NSubstitute;

namespace AmiAutomation.Aws.Tests.RecycleBin;

public sealed class Ec2RecycleBinTests
{
    private readonly IAmazonEC2 _ec2 = Substitute.For<IAmazonEC2>();
    private readonly List<ListImagesInRecycleBinRequest> _imageRequests = [];
    private readonly List<ListSnapshotsInRecycleBinRequest> _snapshotRequests = [];

    private static string ImageId(int i) => $"ami-{i:x17}";

    private static string SnapshotId(int i) => $"snap-{i:x17}";

    [Fact]
    public async Task ListImagesAsync_MoreThan20Ids_SendsBatchesOf20WithoutMaxResults()
    {
        var binned = Enumerable.Range(1, 45).Select(ImageId).ToHashSet();
        _ec2.ListImagesInRecycleBinAsync(Arg.Do<ListImagesInRecycleBinRequest>(_imageRequests.Add), Arg.Any<CancellationToken>())
            .Returns(call => new ListImagesInRecycleBinResponse
            {
                Images = [.. call.Arg<ListImagesInRecycleBinRequest>().ImageIds.Where(binned.Contains).Select(id => new ImageRecycleBinInfo { ImageId = id, Name = "n-" + id })],
            });

        var images = await new Ec2RecycleBin(_ec2).ListImagesAsync([.. binned, "ami-0000000000000ffff"], CancellationToken.None);

        Assert.Equal(45, images.Count);
        Assert.Equal([20, 20, 6], _imageRequests.Select(r => r.ImageIds.Count));
        Assert.All(_imageRequests, r => Assert.Null(r.MaxResults));
    }

    [Fact]
    public async Task ListImagesAsync_All_FollowsNextTokenAndMapsTimesAsUtc()
    {
        var enter = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        _ec2.ListImagesInRecycleBinAsync(Arg.Do<ListImagesInRecycleBinRequest>(_imageRequests.Add), Arg.Any<CancellationToken>())
            .Returns(
                new ListImagesInRecycleBinResponse { Images = [new() { ImageId = ImageId(1), Name = "a", RecycleBinEnterTime = enter, RecycleBinExitTime = enter.AddDays(30) }], NextToken = "t1" },
                new ListImagesInRecycleBinResponse { Images = [new() { ImageId = ImageId(2), Name = "b" }], NextToken = "" });

        var images = await new Ec2RecycleBin(_ec2).ListImagesAsync(null, CancellationToken.None);

        Assert.Equal([ImageId(1), ImageId(2)], images.Select(i => i.ImageId));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), images[0].EnteredAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 12, 0, 0, TimeSpan.Zero), images[0].ExitsAt);
        Assert.Null(images[1].EnteredAt);
        Assert.Equal([null, "t1"], _imageRequests.Select(r => r.NextToken));
        Assert.All(_imageRequests, r => Assert.Equal(Ec2RecycleBin.PageSize, r.MaxResults));
    }

    [Fact]
    public async Task ListImagesAsync_BatchRefusedAsUnknown_AsksOneByOne()
    {
        _ec2.ListImagesInRecycleBinAsync(Arg.Do<ListImagesInRecycleBinRequest>(_imageRequests.Add), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                var ids = call.Arg<ListImagesInRecycleBinRequest>().ImageIds;
                return ids.Contains(ImageId(2))
                    ? throw Ec2Exceptions.Code("InvalidAMIID.NotFound")
                    : new ListImagesInRecycleBinResponse { Images = [.. ids.Select(id => new ImageRecycleBinInfo { ImageId = id, Name = id })] };
            });

        var images = await new Ec2RecycleBin(_ec2).ListImagesAsync([ImageId(1), ImageId(2), ImageId(3)], CancellationToken.None);

        Assert.Equal([ImageId(1), ImageId(3)], images.Select(i => i.ImageId));
        Assert.Equal(4, _imageRequests.Count);
    }

    [Fact]
    public async Task ListSnapshotsAsync_IdsRefused_ReadsTheWholeBinAndFilters()
    {
        _ec2.ListSnapshotsInRecycleBinAsync(Arg.Do<ListSnapshotsInRecycleBinRequest>(_snapshotRequests.Add), Arg.Any<CancellationToken>())
            .Returns(call => call.Arg<ListSnapshotsInRecycleBinRequest>().SnapshotIds is { Count: > 0 }
                ? throw Ec2Exceptions.Code("InvalidSnapshot.NotFound")
                : new ListSnapshotsInRecycleBinResponse { Snapshots = [new() { SnapshotId = SnapshotId(1) }, new() { SnapshotId = SnapshotId(9) }] });

        var snapshots = await new Ec2RecycleBin(_ec2).ListSnapshotsAsync([SnapshotId(1), SnapshotId(2)], CancellationToken.None);

        Assert.Equal([SnapshotId(1)], snapshots.Select(s => s.SnapshotId));
        Assert.Equal(2, _snapshotRequests.Count);
    }

    [Fact]
    public async Task RestoreSnapshotAsync_DryRunAllowed_IsDryRunAndSendsTheFlag()
    {
        RestoreSnapshotFromRecycleBinRequest? sent = null;
        _ec2.RestoreSnapshotFromRecycleBinAsync(Arg.Do<RestoreSnapshotFromRecycleBinRequest>(r => sent = r), Arg.Any<CancellationToken>())
            .Returns<RestoreSnapshotFromRecycleBinResponse>(_ => throw Ec2Exceptions.Code("DryRunOperation"));

        var outcome = await new Ec2RecycleBin(_ec2).RestoreSnapshotAsync(SnapshotId(1), dryRun: true, CancellationToken.None);

        Assert.Equal(OutcomeStatus.DryRun, outcome.Status);
        Assert.True(sent?.DryRun);
    }

    [Fact]
    public async Task RestoreSnapshotAsync_DryRunOperationOnALiveCall_IsAFailure()
    {
        _ec2.RestoreSnapshotFromRecycleBinAsync(Arg.Any<RestoreSnapshotFromRecycleBinRequest>(), Arg.Any<CancellationToken>())
            .Returns<RestoreSnapshotFromRecycleBinResponse>(_ => throw Ec2Exceptions.Code("DryRunOperation"));

        var outcome = await new Ec2RecycleBin(_ec2).RestoreSnapshotAsync(SnapshotId(1), dryRun: false, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Failed, outcome.Status);
    }

    [Fact]
    public async Task RestoreImageAsync_ReturnFalse_IsAFailure()
    {
        _ec2.RestoreImageFromRecycleBinAsync(Arg.Any<RestoreImageFromRecycleBinRequest>(), Arg.Any<CancellationToken>())
            .Returns(new RestoreImageFromRecycleBinResponse { Return = false });

        var outcome = await new Ec2RecycleBin(_ec2).RestoreImageAsync(ImageId(1), dryRun: false, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Failed, outcome.Status);
        Assert.Equal("ReturnFalse", outcome.ErrorCode);
    }

    [Theory]
    [InlineData("RequestLimitExceeded", true)]
    [InlineData("InternalError", true)]
    [InlineData("IncorrectState", false)]
    [InlineData("UnauthorizedOperation", false)]
    public async Task RestoreImageAsync_Error_IsTransientOnlyForThrottlingAndServerErrors(string code, bool transient)
    {
        _ec2.RestoreImageFromRecycleBinAsync(Arg.Any<RestoreImageFromRecycleBinRequest>(), Arg.Any<CancellationToken>())
            .Returns<RestoreImageFromRecycleBinResponse>(_ => throw Ec2Exceptions.Code(code));

        var outcome = await new Ec2RecycleBin(_ec2).RestoreImageAsync(ImageId(1), dryRun: false, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Failed, outcome.Status);
        Assert.Equal(code, outcome.ErrorCode);
        Assert.Equal(transient, outcome.Transient);
    }

    [Fact]
    public async Task RestoreImageAsync_CodelessServerError_IsNotTransient()
    {
        _ec2.RestoreImageFromRecycleBinAsync(Arg.Any<RestoreImageFromRecycleBinRequest>(), Arg.Any<CancellationToken>())
            .Returns<RestoreImageFromRecycleBinResponse>(_ => throw Ec2Exceptions.NotImplemented());

        var outcome = await new Ec2RecycleBin(_ec2).RestoreImageAsync(ImageId(1), dryRun: false, CancellationToken.None);

        Assert.False(outcome.Transient);
        Assert.Equal("HTTP500", outcome.ErrorCode);
    }
}
