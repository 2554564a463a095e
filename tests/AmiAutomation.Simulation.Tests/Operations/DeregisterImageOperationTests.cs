using AmiAutomation.Simulation.Seeding;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Operations;

public sealed class DeregisterImageOperationTests
{
    [Fact]
    public async Task WithoutRule_ImageIsGone_SnapshotsStay()
    {
        var world = new TestWorld();
        var id = world.Image(b => b.WithSnapshot(8).WithSnapshot(20));
        var snapshots = world.Simulator.SnapshotIdsOf(TestWorld.East, id);

        var response = await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id });

        Assert.True(response.Return);
        Assert.Null(response.DeleteSnapshotResults);
        Assert.True(world.Simulator.IsImageGone(TestWorld.East, id));
        Assert.False(world.Simulator.IsImageInRecycleBin(TestWorld.East, id));
        Assert.All(snapshots, s => Assert.NotNull(world.Simulator.FindSnapshot(TestWorld.East, s)));
        await world.EastClient.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshots[0] });
    }

    [Fact]
    public async Task Again_InvalidAmiIdUnavailable()
    {
        var world = new TestWorld();
        var id = world.Image();
        await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id });

        var error = await Errors.Expect("InvalidAMIID.Unavailable", () => world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id }));

        Assert.Contains(id, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownMalformedForeign_Rejected()
    {
        var world = new TestWorld();
        var foreign = world.Image(b => b.OwnedBy("999988887777").Public());

        await Errors.Expect("InvalidAMIID.NotFound", () => world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = "ami-0123456789abcdef0" }));
        await Errors.Expect("InvalidAMIID.Malformed", () => world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = "bogus" }));
        var auth = await Errors.Expect("AuthFailure", () => world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = foreign }));
        Assert.Equal($"Not authorized for image:{foreign}", auth.Message);
    }

    [Fact]
    public async Task DeleteAssociatedSnapshots_SuccessAndSkippedWhenSharedWithAnotherImage()
    {
        var world = new TestWorld();
        var shared = world.Simulator.AddSnapshot(TestWorld.East, 10);
        var id = world.Image(b => b.WithSnapshot(8).WithSnapshot(existingSnapshotId: shared));
        var other = world.Image(b => b.Disabled().WithSnapshot(existingSnapshotId: shared));
        var own = world.Simulator.SnapshotIdsOf(TestWorld.East, id)[0];

        var response = await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id, DeleteAssociatedSnapshots = true });

        var results = response.DeleteSnapshotResults.ToDictionary(r => r.SnapshotId, r => r.ReturnCode.Value);
        Assert.Equal("success", results[own]);
        Assert.Equal("skipped", results[shared]);
        Assert.Null(world.Simulator.FindSnapshot(TestWorld.East, own));
        Assert.NotNull(world.Simulator.FindSnapshot(TestWorld.East, shared));
        Assert.NotNull(world.Simulator.FindImage(TestWorld.East, other));
    }

    [Theory]
    [InlineData(false, "success")]
    [InlineData(true, SimulatedErrorCodes.Alternative.DisabledImageSnapshot)]
    public async Task DeleteAssociatedSnapshots_DisabledImage_DeletedOrKeptByTheAssumptionInForce(bool alternative, string expected)
    {
        var world = new TestWorld(new SimulatorOptions { AlternativeErrorCodes = alternative });
        var id = world.Image(b => b.Disabled().WithSnapshot(8).WithSnapshot(20));
        var snapshots = world.Simulator.SnapshotIdsOf(TestWorld.East, id);

        var response = await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id, DeleteAssociatedSnapshots = true });

        Assert.True(world.Simulator.IsImageGone(TestWorld.East, id));
        Assert.Equal(snapshots, response.DeleteSnapshotResults.Select(r => r.SnapshotId));
        Assert.All(response.DeleteSnapshotResults, r => Assert.Equal(expected, r.ReturnCode.Value));
        Assert.All(snapshots, s => Assert.Equal(alternative, world.Simulator.FindSnapshot(TestWorld.East, s) is not null));
    }

    [Fact]
    public async Task DeleteAssociatedSnapshots_WithoutDeleteSnapshotPermission_MissingPermissions()
    {
        var world = new TestWorld();
        var id = world.Image();
        world.Simulator.Access.Deny("ec2:DeleteSnapshot");

        var response = await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id, DeleteAssociatedSnapshots = true });

        Assert.Equal(SnapshotReturnCodes.MissingPermissions, response.DeleteSnapshotResults.Single().ReturnCode);
        Assert.True(world.Simulator.IsImageGone(TestWorld.East, id));
    }

    [Fact]
    public async Task MatchingImageRule_SendsImageToBin_SnapshotRuleBinsDeletedSnapshots()
    {
        var world = new TestWorld();
        world.Simulator.AddRecycleBinRule(TestWorld.East, new RecycleBinRule(RecycleBinResourceType.Ec2Image, 7));
        world.Simulator.AddRecycleBinRule(TestWorld.East, new RecycleBinRule(RecycleBinResourceType.EbsSnapshot, 10));
        var id = world.Image(b => b.Public());
        var snapshot = world.Simulator.SnapshotIdsOf(TestWorld.East, id).Single();

        await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id, DeleteAssociatedSnapshots = true });

        Assert.True(world.Simulator.IsImageInRecycleBin(TestWorld.East, id));
        Assert.True(world.Simulator.IsSnapshotInRecycleBin(TestWorld.East, snapshot));
        Assert.Equal("true", world.Simulator.TagsOf(TestWorld.East, id)["aws:recycle-bin:resource-in-bin"]);
        var binned = (await world.EastClient.ListImagesInRecycleBinAsync(new ListImagesInRecycleBinRequest())).Images.Single();
        Assert.Equal(TestWorld.Start.UtcDateTime, binned.RecycleBinEnterTime);
        Assert.Equal(TestWorld.Start.UtcDateTime.AddDays(7), binned.RecycleBinExitTime);
    }

    [Fact]
    public async Task TagLevelRule_OnlyMatchingImagesAreBinned_LongestRetentionWins()
    {
        var world = new TestWorld();
        world.Simulator.AddRecycleBinRule(TestWorld.East, new RecycleBinRule(RecycleBinResourceType.Ec2Image, 5) { ResourceTags = [new("tier", "gold")] });
        world.Simulator.AddRecycleBinRule(TestWorld.East, new RecycleBinRule(RecycleBinResourceType.Ec2Image, 30) { ResourceTags = [new("tier", null)] });
        var gold = world.Image(b => b.Tagged("tier", "gold"));
        var plain = world.Image();

        await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = gold });
        await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = plain });

        var binned = (await world.EastClient.ListImagesInRecycleBinAsync(new ListImagesInRecycleBinRequest())).Images.Single();
        Assert.Equal(gold, binned.ImageId);
        Assert.Equal(TestWorld.Start.UtcDateTime.AddDays(30), binned.RecycleBinExitTime);
        Assert.True(world.Simulator.IsImageGone(TestWorld.East, plain));
    }

    [Fact]
    public async Task RegionLevelRule_ExcludeTagsKeepImagesOut_InstanceStoreNeverBinned()
    {
        var world = new TestWorld();
        world.Simulator.AddRecycleBinRule(TestWorld.East, new RecycleBinRule(RecycleBinResourceType.Ec2Image, 5) { ExcludeResourceTags = [new("scratch", "yes")] });
        var scratch = world.Image(b => b.Tagged("scratch", "yes"));
        var store = world.Image(b => b.InstanceStore());
        var normal = world.Image();

        foreach (var id in new[] { scratch, store, normal })
        {
            await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id });
        }

        Assert.True(world.Simulator.IsImageGone(TestWorld.East, scratch));
        Assert.True(world.Simulator.IsImageGone(TestWorld.East, store));
        Assert.True(world.Simulator.IsImageInRecycleBin(TestWorld.East, normal));
    }

    [Fact]
    public async Task PendingCopyTarget_IsCancelled()
    {
        var world = new TestWorld();
        var source = world.Image();
        var copy = (await world.WestClient.CopyImageAsync(new CopyImageRequest { SourceImageId = source, SourceRegion = TestWorld.East, Name = "copy" })).ImageId;
        var copySnapshot = world.Simulator.SnapshotIdsOf(TestWorld.West, copy).Single();

        await world.WestClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = copy });
        world.Time.Advance(TimeSpan.FromHours(1));

        Assert.True(world.Simulator.IsImageGone(TestWorld.West, copy));
        Assert.Null(world.Simulator.FindSnapshot(TestWorld.West, copySnapshot));
        Assert.Null((await world.WestClient.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] })).Images);
    }

    [Fact]
    public async Task AwsBackupImage_CannotBeDeregistered()
    {
        var world = new TestWorld();
        var byName = world.Image(b => b.Named("AwsBackup_i-0123456789abcdef0_abc"));
        var byTag = world.Image(b => b.Tagged("aws:backup:source-resource", "arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0"));

        await Errors.Expect(SimulatedErrorCodes.ManagedByAwsBackup, () => world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = byName }));
        await Errors.Expect(SimulatedErrorCodes.ManagedByAwsBackup, () => world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = byTag }));
    }

    /// <summary>EC2 frees a deregistered image's name slowly ("InvalidAMIName.Duplicate … frees slowly after deregister",
    /// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html) without saying how slowly: the hold is
    /// ASSUMED and switchable (<see cref="SimulatorOptions.DeregisteredNameHold"/>); zero is the simulator's default.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(60)]
    public async Task NameIsFreedOnlyAfterTheNameHold(int holdMinutes)
    {
        var world = new TestWorld();
        world.Simulator.Options.DeregisteredNameHold = TimeSpan.FromMinutes(holdMinutes);
        var source = world.Image();
        var first = world.Image(b => b.Named("web-1"), TestWorld.West);
        var copy = new CopyImageRequest { SourceImageId = source, SourceRegion = TestWorld.East, Name = "web-1" };
        await Errors.Expect("InvalidAMIName.Duplicate", () => world.WestClient.CopyImageAsync(copy));

        await world.WestClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = first });

        if (holdMinutes > 0)
        {
            await Errors.Expect("InvalidAMIName.Duplicate", () => world.WestClient.CopyImageAsync(copy));
            world.Time.Advance(TimeSpan.FromMinutes(holdMinutes));
        }

        Assert.NotNull((await world.WestClient.CopyImageAsync(copy)).ImageId);
    }
}
