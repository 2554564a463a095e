using AmiAutomation.Aws.RecycleBin;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Restore;
using Amazon.EC2;
using Amazon.EC2.Model;
using NSubstitute;

namespace AmiAutomation.Aws.Tests.RecycleBin;

public sealed class Ec2RestoreLookupTests
{
    private const string Region = "eu-west-1";
    private readonly IAmazonEC2 _ec2 = Substitute.For<IAmazonEC2>();

    [Fact]
    public async Task DescribeImagesAsync_UnknownIdInBatch_FallsBackToOneByOne()
    {
        var requests = new List<DescribeImagesRequest>();
        _ec2.DescribeImagesAsync(Arg.Do<DescribeImagesRequest>(requests.Add), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                var ids = call.Arg<DescribeImagesRequest>().ImageIds;
                return ids.Contains("ami-0000000000000000b")
                    ? throw Ec2Exceptions.Code("InvalidAMIID.NotFound")
                    : new DescribeImagesResponse { Images = [.. ids.Select(id => new Image { ImageId = id, Name = id, OwnerId = "123456789012", CreationDate = "2026-01-01T00:00:00.000Z", State = ImageState.Available })] };
            });

        var images = await new Ec2RestoreLookup(_ec2, Region).DescribeImagesAsync(["ami-0000000000000000a", "ami-0000000000000000b"], CancellationToken.None);

        Assert.Equal(["ami-0000000000000000a"], images.Select(i => i.ImageId));
        Assert.All(requests, r => Assert.True(r.IncludeDisabled == true && r.IncludeDeprecated == true));
        Assert.Equal(3, requests.Count);
    }

    [Fact]
    public async Task DescribeSnapshotsAsync_UnknownId_IsAbsent()
    {
        _ec2.DescribeSnapshotsAsync(Arg.Any<DescribeSnapshotsRequest>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                var ids = call.Arg<DescribeSnapshotsRequest>().SnapshotIds;
                return ids.Contains("snap-00000000000000002")
                    ? throw Ec2Exceptions.Code("InvalidSnapshot.NotFound")
                    : new DescribeSnapshotsResponse { Snapshots = [.. ids.Select(id => new Snapshot { SnapshotId = id, State = SnapshotState.Pending, VolumeSize = 8 })] };
            });

        var found = await new Ec2RestoreLookup(_ec2, Region).DescribeSnapshotsAsync(["snap-00000000000000001", "snap-00000000000000002"], CancellationToken.None);

        Assert.Equal(["snap-00000000000000001"], found.Keys);
        Assert.Equal("pending", found["snap-00000000000000001"].State);
    }

    [Fact]
    public async Task FindSnapshotsOfImageAsync_FiltersOwnSnapshotsByDescription_AndIgnoresSourceMentions()
    {
        DescribeSnapshotsRequest? sent = null;
        _ec2.DescribeSnapshotsAsync(Arg.Do<DescribeSnapshotsRequest>(r => sent = r), Arg.Any<CancellationToken>())
            .Returns(new DescribeSnapshotsResponse
            {
                Snapshots =
                [
                    new() { SnapshotId = "snap-00000000000000001", State = SnapshotState.Completed, VolumeSize = 8, Description = "Created by CreateImage(i-01234567) for ami-0000000000000000a" },
                    new() { SnapshotId = "snap-00000000000000002", State = SnapshotState.Completed, VolumeSize = 8, Description = "Copied for DestinationAmi ami-0000000000000000d from SourceAmi ami-0000000000000000a for SourceSnapshot snap-00000000000000001" },
                ],
            });

        var found = await new Ec2RestoreLookup(_ec2, Region).FindSnapshotsOfImageAsync("ami-0000000000000000a", CancellationToken.None);

        Assert.Equal(["snap-00000000000000001"], found.Select(s => s.SnapshotId));
        Assert.Equal(["self"], sent!.OwnerIds);
        Assert.Equal("*ami-0000000000000000a*", Assert.Single(Assert.Single(sent.Filters, f => f.Name == "description").Values));
    }

    [Theory]
    [InlineData("completed", SnapshotCondition.Ready)]
    [InlineData("pending", SnapshotCondition.Restoring)]
    [InlineData("recovering", SnapshotCondition.Restoring)]
    [InlineData("recoverable", SnapshotCondition.InRecycleBin)]
    [InlineData("error", SnapshotCondition.Failed)]
    [InlineData("something-new", SnapshotCondition.Restoring)]
    public void ConditionOf_State_MapsToWhereTheSnapshotStands(string state, SnapshotCondition expected) =>
        Assert.Equal(expected, Ec2RestoreLookup.ConditionOf(state));
}
