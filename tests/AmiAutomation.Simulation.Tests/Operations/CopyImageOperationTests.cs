using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Operations;

public sealed class CopyImageOperationTests
{
    private static CopyImageRequest Copy(string source, string name = "copy-1", string? token = null) =>
        new() { SourceImageId = source, SourceRegion = TestWorld.East, Name = name, ClientToken = token };

    [Fact]
    public async Task Copy_PendingThenAvailableAfterTheConfiguredDelay_LazyOnRead()
    {
        var world = new TestWorld();
        world.Simulator.Options.CopyDuration = TimeSpan.FromMinutes(10);
        var source = world.Image(b => b.Named("web-1").WithSnapshot(20));

        var copyId = (await world.WestClient.CopyImageAsync(Copy(source))).ImageId;

        var pending = world.Simulator.FindImage(TestWorld.West, copyId)!;
        Assert.Equal(ImageState.Pending, pending.State);
        Assert.Equal(source, pending.SourceImageId);
        Assert.Equal(TestWorld.East, pending.SourceImageRegion);
        var snapshotId = pending.BlockDeviceMappings.Single().Ebs.SnapshotId;
        Assert.Equal(SnapshotState.Pending, world.Simulator.FindSnapshot(TestWorld.West, snapshotId)!.State);

        world.Time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(ImageState.Pending, (await world.WestClient.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [copyId] })).Images[0].State);
        world.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(ImageState.Available, (await world.WestClient.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [copyId] })).Images[0].State);
        var snapshot = world.Simulator.FindSnapshot(TestWorld.West, snapshotId)!;
        Assert.Equal(SnapshotState.Completed, snapshot.State);
        Assert.Equal(20, snapshot.VolumeSize);
        Assert.Contains($"DestinationAmi {copyId} from SourceAmi {source}", snapshot.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Copy_ZeroDuration_AvailableAtOnce()
    {
        var world = new TestWorld(new SimulatorOptions { CopyDuration = TimeSpan.Zero });
        var source = world.Image();

        var copyId = (await world.WestClient.CopyImageAsync(Copy(source))).ImageId;

        Assert.Equal(ImageState.Available, world.Simulator.FindImage(TestWorld.West, copyId)!.State);
    }

    [Fact]
    public async Task Copy_UnknownSourceOrWrongRegion_NotFound()
    {
        var world = new TestWorld();
        var source = world.Image();

        await Errors.Expect("InvalidAMIID.NotFound", () => world.WestClient.CopyImageAsync(Copy("ami-0123456789abcdef0")));
        await Errors.Expect("InvalidAMIID.NotFound", () => world.WestClient.CopyImageAsync(new CopyImageRequest { SourceImageId = source, SourceRegion = "us-west-2", Name = "x-copy" }));
        await Errors.Expect("InvalidRegion", () => world.WestClient.CopyImageAsync(new CopyImageRequest { SourceImageId = source, SourceRegion = "mars", Name = "x-copy" }));
        await Errors.Expect("InvalidAMIName.Malformed", () => world.WestClient.CopyImageAsync(Copy(source, "ab")));
        await Errors.Expect("MissingParameter", () => world.WestClient.CopyImageAsync(new CopyImageRequest { SourceImageId = source, SourceRegion = TestWorld.East }));
    }

    [Fact]
    public async Task Copy_ClientToken_IdempotentPerDestination_MismatchRejected()
    {
        var world = new TestWorld();
        var source = world.Image();

        var first = (await world.WestClient.CopyImageAsync(Copy(source, token: "tok-1"))).ImageId;
        var again = (await world.WestClient.CopyImageAsync(Copy(source, token: "tok-1"))).ImageId;
        var elsewhere = (await world.Simulator.ClientFor("ap-southeast-2").CopyImageAsync(Copy(source, token: "tok-1"))).ImageId;

        Assert.Equal(first, again);
        Assert.NotEqual(first, elsewhere);
        Assert.Single((await world.WestClient.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] })).Images);
        await Errors.Expect("IdempotentParameterMismatch", () => world.WestClient.CopyImageAsync(Copy(source, "other-name", "tok-1")));
    }

    [Fact]
    public async Task Copy_CopyImageTagsAndTagSpecifications()
    {
        var world = new TestWorld();
        var source = world.Image(b => b.Tagged("team", "blue").Tagged("aws:dlm:lifecycle-policy-id", "p").Tagged("env", "dev"));

        var copyId = (await world.WestClient.CopyImageAsync(new CopyImageRequest
        {
            SourceImageId = source,
            SourceRegion = TestWorld.East,
            Name = "tagged-copy",
            CopyImageTags = true,
            TagSpecifications =
            [
                new TagSpecification { ResourceType = ResourceType.Image, Tags = [new Tag("env", "prod"), new Tag("copied", "yes")] },
                new TagSpecification { ResourceType = ResourceType.Snapshot, Tags = [new Tag("snap", "1")] },
            ],
        })).ImageId;

        var tags = world.Simulator.TagsOf(TestWorld.West, copyId);
        Assert.Equal("blue", tags["team"]);
        Assert.Equal("prod", tags["env"]);
        Assert.Equal("yes", tags["copied"]);
        Assert.False(tags.ContainsKey("aws:dlm:lifecycle-policy-id"));
        var snapshot = world.Simulator.SnapshotIdsOf(TestWorld.West, copyId).Single();
        Assert.Equal("1", world.Simulator.TagsOf(TestWorld.West, snapshot)["snap"]);
    }

    [Theory]
    [InlineData(47, 3, false)]
    [InlineData(48, 3, true)]
    [InlineData(50, 0, false)]
    [InlineData(49, 2, true)]
    public async Task Copy_CopiedAndRequestedTagsOverFifty_TagLimitExceeded_NothingCreated(int sourceTags, int requested, bool refused)
    {
        var world = new TestWorld();
        var source = world.Image(b =>
        {
            for (var i = 0; i < sourceTags; i++)
            {
                b.Tagged($"source-{i:00}", "v");
            }

            b.Tagged("aws:dlm:lifecycle-policy-id", "p");
        });
        var request = new CopyImageRequest
        {
            SourceImageId = source,
            SourceRegion = TestWorld.East,
            Name = "full-copy",
            CopyImageTags = true,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Image, Tags = [.. Enumerable.Range(0, requested).Select(i => new Tag($"ours-{i}", "v"))] }],
        };
        var before = world.Simulator.ImageCount(TestWorld.West);

        if (refused)
        {
            await Errors.Expect("TagLimitExceeded", () => world.WestClient.CopyImageAsync(request));
            Assert.Equal(before, world.Simulator.ImageCount(TestWorld.West));
        }
        else
        {
            var copyId = (await world.WestClient.CopyImageAsync(request)).ImageId;
            Assert.Equal(sourceTags + requested, world.Simulator.TagsOf(TestWorld.West, copyId).Count);
        }
    }

    [Fact]
    public async Task Copy_WithoutCopyImageTags_NoTagsAndNoLaunchPermissions()
    {
        var world = new TestWorld();
        var source = world.Image(b => b.Tagged("team", "blue").SharedWithAccount("111122223333"));

        var copyId = (await world.WestClient.CopyImageAsync(Copy(source))).ImageId;

        Assert.Empty(world.Simulator.TagsOf(TestWorld.West, copyId));
        Assert.Empty(world.Simulator.LaunchPermissionsOf(TestWorld.West, copyId));
    }

    [Fact]
    public async Task Copy_EncryptedWithKey_RecordedOnSnapshots_BadKeyEndsFailed()
    {
        var world = new TestWorld();
        var source = world.Image();
        world.Simulator.MarkKmsKeyUnusable("alias/broken");

        var good = (await world.WestClient.CopyImageAsync(new CopyImageRequest { SourceImageId = source, SourceRegion = TestWorld.East, Name = "enc", Encrypted = true, KmsKeyId = "alias/good" })).ImageId;
        var bad = (await world.WestClient.CopyImageAsync(new CopyImageRequest { SourceImageId = source, SourceRegion = TestWorld.East, Name = "enc-bad", Encrypted = true, KmsKeyId = "alias/broken" })).ImageId;
        world.Time.Advance(world.Simulator.Options.CopyDuration);

        var goodImage = world.Simulator.FindImage(TestWorld.West, good)!;
        Assert.Equal(ImageState.Available, goodImage.State);
        Assert.True(goodImage.BlockDeviceMappings[0].Ebs.Encrypted);
        Assert.Equal("alias/good", goodImage.BlockDeviceMappings[0].Ebs.KmsKeyId);
        Assert.Equal("alias/good", world.Simulator.FindSnapshot(TestWorld.West, goodImage.BlockDeviceMappings[0].Ebs.SnapshotId)!.KmsKeyId);
        var badImage = world.Simulator.FindImage(TestWorld.West, bad)!;
        Assert.Equal(ImageState.Failed, badImage.State);
        Assert.Contains("alias/broken", badImage.StateReason.Message, StringComparison.Ordinal);
        await Errors.Expect("InvalidParameterCombination", () => world.WestClient.CopyImageAsync(new CopyImageRequest { SourceImageId = source, SourceRegion = TestWorld.East, Name = "enc-3", KmsKeyId = "alias/good" }));
    }

    [Fact]
    public async Task Copy_ConcurrentLimitPerDestination_ResourceLimitExceeded()
    {
        var world = new TestWorld(new SimulatorOptions { MaxConcurrentCopiesPerRegion = 2 });
        var source = world.Image();

        await world.WestClient.CopyImageAsync(Copy(source, "c-1"));
        await world.WestClient.CopyImageAsync(Copy(source, "c-2"));
        await Errors.Expect("ResourceLimitExceeded", () => world.WestClient.CopyImageAsync(Copy(source, "c-3")));
        await world.Simulator.ClientFor("ap-southeast-2").CopyImageAsync(Copy(source, "c-3"));

        world.Time.Advance(world.Simulator.Options.CopyDuration);
        await world.WestClient.CopyImageAsync(Copy(source, "c-3"));
    }

    [Fact]
    public async Task Copy_NameTakenInDestination_Duplicate()
    {
        var world = new TestWorld();
        var source = world.Image(b => b.Named("web-1"));
        world.Image(b => b.Named("web-1"), TestWorld.West);

        var error = await Errors.Expect("InvalidAMIName.Duplicate", () => world.WestClient.CopyImageAsync(Copy(source, "web-1")));

        Assert.Contains("web-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Copy_PendingOrDisabledSource_Unavailable()
    {
        var world = new TestWorld();
        var pending = world.Image(b => b.Pending(TimeSpan.FromHours(1)));
        var disabled = world.Image(b => b.Disabled());

        await Errors.Expect("InvalidAMIID.Unavailable", () => world.WestClient.CopyImageAsync(Copy(pending)));
        await Errors.Expect("InvalidAMIID.Unavailable", () => world.WestClient.CopyImageAsync(Copy(disabled)));
    }

    [Fact]
    public async Task Copy_SharedForeignSource_CopyIsOwnedByUs()
    {
        var world = new TestWorld();
        var foreign = world.Image(b => b.OwnedBy("999988887777").SharedWithAccount(world.Simulator.AccountId));

        var copyId = (await world.WestClient.CopyImageAsync(Copy(foreign))).ImageId;

        Assert.Equal(world.Simulator.AccountId, world.Simulator.FindImage(TestWorld.West, copyId)!.OwnerId);
    }
}
