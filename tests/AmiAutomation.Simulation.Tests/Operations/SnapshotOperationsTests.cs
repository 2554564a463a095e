using AmiAutomation.Simulation.Seeding;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Operations;

public sealed class SnapshotOperationsTests
{
    [Fact]
    public async Task Delete_InUseByRegisteredImage_Rejected_ThenAllowedAfterDeregister()
    {
        var world = new TestWorld();
        var id = world.Image();
        var snapshot = world.Simulator.SnapshotIdsOf(TestWorld.East, id).Single();

        var error = await Errors.Expect("InvalidSnapshot.InUse", () => world.EastClient.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshot }));
        Assert.Contains(id, error.Message, StringComparison.Ordinal);

        await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id });
        await world.EastClient.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshot });
        Assert.Null(world.Simulator.FindSnapshot(TestWorld.East, snapshot));
        await Errors.Expect("InvalidSnapshot.NotFound", () => world.EastClient.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshot }));
    }

    [Fact]
    public async Task Delete_Malformed_Rejected()
    {
        var world = new TestWorld();

        await Errors.Expect("InvalidSnapshotID.Malformed", () => world.EastClient.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = "vol-1" }));
    }

    [Fact]
    public async Task Delete_WithSnapshotRule_GoesToBin()
    {
        var world = new TestWorld();
        world.Simulator.AddRecycleBinRule(TestWorld.East, new RecycleBinRule(RecycleBinResourceType.EbsSnapshot, 3));
        var snapshot = world.Simulator.AddSnapshot(TestWorld.East, 5, "loose");

        await world.EastClient.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshot });

        var listed = (await world.EastClient.ListSnapshotsInRecycleBinAsync(new ListSnapshotsInRecycleBinRequest())).Snapshots.Single();
        Assert.Equal(snapshot, listed.SnapshotId);
        Assert.Equal("loose", listed.Description);
        Assert.Equal(TestWorld.Start.UtcDateTime.AddDays(3), listed.RecycleBinExitTime);
        await Errors.Expect("InvalidSnapshot.NotFound", () => world.EastClient.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [snapshot] }));
    }

    [Fact]
    public async Task Describe_ByIdFiltersOwnersAndPaging()
    {
        var world = new TestWorld();
        var a = world.Simulator.AddSnapshot(TestWorld.East, 8, "alpha");
        var b = world.Simulator.AddSnapshot(TestWorld.East, 16, "beta");
        var c = world.Simulator.AddSnapshot(TestWorld.East, 16, "gamma", encrypted: true);
        world.Image(x => x.OwnedBy("999988887777").Public());

        Assert.Equal([a, b, c], (await world.EastClient.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { OwnerIds = ["self"] })).Snapshots.Select(s => s.SnapshotId));
        Assert.Equal([b], (await world.EastClient.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [b] })).Snapshots.Select(s => s.SnapshotId));
        Assert.Equal([b, c], (await world.EastClient.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { Filters = [new Filter("volume-size", ["16"])] })).Snapshots.Select(s => s.SnapshotId));
        Assert.Equal([c], (await world.EastClient.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { Filters = [new Filter("encrypted", ["true"]), new Filter("description", ["g*"])] })).Snapshots.Select(s => s.SnapshotId));
        Assert.Equal([a, b, c], (await world.EastClient.DescribeSnapshotsAsync(new DescribeSnapshotsRequest())).Snapshots.Select(s => s.SnapshotId));

        var seen = new List<string>();
        await foreach (var snapshot in world.EastClient.Paginators.DescribeSnapshots(new DescribeSnapshotsRequest { OwnerIds = ["self"], MaxResults = 5 }).Snapshots)
        {
            seen.Add(snapshot.SnapshotId);
        }

        Assert.Equal([a, b, c], seen);
        await Errors.Expect("InvalidParameterCombination", () => world.EastClient.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [a], MaxResults = 5 }));
        await Errors.Expect("InvalidParameterValue", () => world.EastClient.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { MaxResults = 4 }));
        await Errors.Expect("InvalidSnapshot.NotFound", () => world.EastClient.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = ["snap-0123456789abcdef0"] }));
    }

    [Fact]
    public async Task Describe_SnapshotFields()
    {
        var world = new TestWorld();
        var id = world.Image(b => b.WithSnapshot(30, encrypted: true));
        var snapshotId = world.Simulator.SnapshotIdsOf(TestWorld.East, id).Single();

        var snapshot = (await world.EastClient.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [snapshotId] })).Snapshots.Single();

        Assert.Equal(SnapshotState.Completed, snapshot.State);
        Assert.Equal(30, snapshot.VolumeSize);
        Assert.True(snapshot.Encrypted);
        Assert.Equal(world.Simulator.AccountId, snapshot.OwnerId);
        Assert.Matches(@"^Created by CreateImage\(i-[0-9a-f]{17}\) for ami-[0-9a-f]{17}$", snapshot.Description);
    }
}
