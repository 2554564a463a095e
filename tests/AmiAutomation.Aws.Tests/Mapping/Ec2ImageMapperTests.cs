using AmiAutomation.Aws.Mapping;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Tagging;
using Amazon.EC2;
using Amazon.EC2.Model;
using ImageState = AmiAutomation.Core.Images.ImageState;
using SnapshotInfo = AmiAutomation.Core.Images.SnapshotInfo;

namespace AmiAutomation.Aws.Tests.Mapping;

public sealed class Ec2ImageMapperTests
{
    private static Image Minimal(Action<Image>? configure = null)
    {
        var image = new Image { ImageId = "ami-0123", OwnerId = "111122223333", Name = "web-1", CreationDate = "2024-05-01T10:00:00.000Z" };
        configure?.Invoke(image);
        return image;
    }

    [Fact]
    public void ToAmiImage_FullImage_MapsEveryField()
    {
        var image = Minimal(i =>
        {
            i.Description = "web server";
            i.State = Amazon.EC2.ImageState.Available;
            i.DeprecationTime = "2025-02-17T20:22:00Z";
            i.LastLaunchedTime = "2021-09-29T11:04:43.305Z";
            i.Public = true;
            i.DeregistrationProtection = "disabled";
            i.SourceImageId = "ami-source";
            i.SourceImageRegion = "eu-west-1";
            i.RootDeviceType = DeviceType.Ebs;
            i.Tags = [new Tag("team", "web"), new Tag("empty", "")];
            i.BlockDeviceMappings =
            [
                new BlockDeviceMapping { DeviceName = "/dev/xvda", Ebs = new EbsBlockDevice { SnapshotId = "snap-1", VolumeSize = 8 } },
                new BlockDeviceMapping { DeviceName = "/dev/sdb", VirtualName = "ephemeral0" },
                new BlockDeviceMapping { DeviceName = "/dev/sdc", Ebs = new EbsBlockDevice { SnapshotId = "snap-2", VolumeSize = 100 } },
            ];
        });

        var mapped = Ec2ImageMapper.ToAmiImage(image, "us-east-1");

        Assert.Equal("ami-0123", mapped.ImageId);
        Assert.Equal("us-east-1", mapped.Region);
        Assert.Equal("web-1", mapped.Name);
        Assert.Equal("web server", mapped.Description);
        Assert.Equal("111122223333", mapped.OwnerId);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), mapped.CreationDate);
        Assert.Equal(ImageState.Available, mapped.State);
        Assert.Equal(new DateTimeOffset(2025, 2, 17, 20, 22, 0, TimeSpan.Zero), mapped.DeprecationTime);
        Assert.Equal(new DateTimeOffset(2021, 9, 29, 11, 4, 43, 305, TimeSpan.Zero), mapped.LastLaunchedTime);
        Assert.True(mapped.IsPublic);
        Assert.False(mapped.DeregistrationProtected);
        Assert.Equal("ami-source", mapped.SourceImageId);
        Assert.Equal("eu-west-1", mapped.SourceRegion);
        Assert.Equal(RootDeviceKind.Ebs, mapped.RootDevice);
        Assert.Equal("web", mapped.Tag("team"));
        Assert.Equal(string.Empty, mapped.Tag("empty"));
        Assert.Equal([new SnapshotInfo("snap-1", 8, "/dev/xvda"), new SnapshotInfo("snap-2", 100, "/dev/sdc")], mapped.Snapshots);
        Assert.Equal(108, mapped.TotalSnapshotGiB);
        Assert.Null(mapped.LaunchPermissions);
        Assert.Equal(ImageManager.Nobody, mapped.ManagedBy);
    }

    [Fact]
    public void ToAmiImage_AbsentCollectionsAndScalars_GivesEmptyAndFalse()
    {
        var mapped = Ec2ImageMapper.ToAmiImage(Minimal(i => i.Name = null), "us-east-1");

        Assert.Empty(mapped.Tags);
        Assert.Empty(mapped.Snapshots);
        Assert.False(mapped.IsPublic);
        Assert.False(mapped.DeregistrationProtected);
        Assert.Null(mapped.DeprecationTime);
        Assert.Null(mapped.LastLaunchedTime);
        Assert.Null(mapped.SourceImageId);
        Assert.Equal(string.Empty, mapped.Name);
        Assert.Equal(ImageState.Other, mapped.State);
    }

    [Theory]
    [InlineData("2025-02-17T20:22:19Z", 0)]
    [InlineData("2025-02-17T20:22:19.000Z", 0)]
    [InlineData("2025-02-17T20:22:19.5Z", 500)]
    [InlineData("2025-02-17T22:22:19+02:00", 0)]
    [InlineData("2025-02-17T20:22:19", 0)]
    public void ToAmiImage_TimeFormats_ParseAsUtc(string creationDate, int milliseconds)
    {
        var mapped = Ec2ImageMapper.ToAmiImage(Minimal(i => i.CreationDate = creationDate), "us-east-1");

        Assert.Equal(new DateTimeOffset(2025, 2, 17, 20, 22, 19, milliseconds, TimeSpan.Zero), mapped.CreationDate);
        Assert.Equal(TimeSpan.Zero, mapped.CreationDate.Offset);
    }

    [Theory]
    [InlineData("available", ImageState.Available)]
    [InlineData("pending", ImageState.Pending)]
    [InlineData("failed", ImageState.Failed)]
    [InlineData("disabled", ImageState.Disabled)]
    [InlineData("deregistered", ImageState.Deregistered)]
    [InlineData("transient", ImageState.Other)]
    [InlineData("error", ImageState.Other)]
    [InlineData("something-new", ImageState.Other)]
    public void ToState_EveryEc2State_MapsOrFallsBackToOther(string state, ImageState expected) =>
        Assert.Equal(expected, Ec2ImageMapper.ToState(Amazon.EC2.ImageState.FindValue(state)));

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("disabled", false)]
    [InlineData("Disabled", false)]
    [InlineData("enabled", true)]
    [InlineData("enabled-with-cooldown", true)]
    [InlineData("enabled-without-cooldown", true)]
    [InlineData("something-undocumented", true)]
    public void ToAmiImage_DeregistrationProtection_IsOpaqueAndFailsSafe(string? value, bool expected) =>
        Assert.Equal(expected, Ec2ImageMapper.ToAmiImage(Minimal(i => i.DeregistrationProtection = value), "us-east-1").DeregistrationProtected);

    [Fact]
    public void ToAmiImage_InstanceStore_KeepsLocation()
    {
        var mapped = Ec2ImageMapper.ToAmiImage(
            Minimal(i =>
            {
                i.RootDeviceType = DeviceType.InstanceStore;
                i.ImageLocation = "my-bucket/web.manifest.xml";
            }),
            "us-east-1");

        Assert.Equal(RootDeviceKind.InstanceStore, mapped.RootDevice);
        Assert.Equal("my-bucket/web.manifest.xml", mapped.ImageLocation);
    }

    [Theory]
    [InlineData("web-1", "aws:dlm:lifecycle-policy-id", "policy-1", ImageManager.DataLifecycleManager)]
    [InlineData("AwsBackup_i-0abc_2024", "team", "web", ImageManager.AwsBackup)]
    [InlineData("web-1", "aws:backup:source-resource", "arn:aws:ec2:...", ImageManager.AwsBackup)]
    [InlineData("web-1", "CreatedBy", "EC2 Image Builder", ImageManager.ImageBuilder)]
    [InlineData("web-1", "CreatedBy", "someone else", ImageManager.Nobody)]
    [InlineData("web-1", "Ec2ImageBuilderArn", "arn:aws:imagebuilder:...", ImageManager.ImageBuilder)]
    [InlineData("web-1", TagNames.ManagedBy, TagNames.ManagedByValue, ImageManager.Us)]
    [InlineData("web-1", TagNames.ManagedBy, "terraform", ImageManager.Nobody)]
    [InlineData("web-1", "team", "web", ImageManager.Nobody)]
    public void ToAmiImage_ManagerMarks_DetectManager(string name, string tagKey, string tagValue, ImageManager expected)
    {
        var mapped = Ec2ImageMapper.ToAmiImage(
            Minimal(i =>
            {
                i.Name = name;
                i.Tags = [new Tag(tagKey, tagValue)];
            }),
            "us-east-1");

        Assert.Equal(expected, mapped.ManagedBy);
    }

    [Fact]
    public void Detect_AwsServiceAndOurTag_AwsServiceWins()
    {
        var tags = new Dictionary<string, string>
        {
            [TagNames.ManagedBy] = TagNames.ManagedByValue,
            ["aws:dlm:lifecycle-policy-id"] = "p",
        };

        Assert.Equal(ImageManager.DataLifecycleManager, ImageManagerDetector.Detect("x", tags));
        Assert.Equal(ImageManager.AwsBackup, ImageManagerDetector.Detect("AwsBackup_x", tags));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ToAmiImage_NoImageId_Throws(string? imageId) =>
        Assert.Throws<ImageMappingException>(() => Ec2ImageMapper.ToAmiImage(Minimal(i => i.ImageId = imageId), "us-east-1"));

    [Fact]
    public void ToAmiImage_NoCreationDate_UnknownAgeListedAsUnreadable()
    {
        var mapped = Ec2ImageMapper.ToAmiImage(Minimal(i => i.CreationDate = null), "us-east-1");

        Assert.Equal(AmiImage.UnknownCreationDate, mapped.CreationDate);
        Assert.Equal(["CreationDate missing"], mapped.UnreadableTimes);
    }

    [Theory]
    [InlineData("not-a-date")]
    [InlineData("2025-13-45T99:00:00Z")]
    public void ToAmiImage_MalformedCreationDate_DoesNotThrowAndTheImageGetsAnUnknownAge(string value)
    {
        var mapped = Ec2ImageMapper.ToAmiImage(Minimal(i => i.CreationDate = value), "us-east-1");

        Assert.Equal(AmiImage.UnknownCreationDate, mapped.CreationDate);
        Assert.Equal([$"CreationDate '{value}'"], mapped.UnreadableTimes);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("31/01/2025 10:00")]
    public void ToAmiImage_UnparseableLastLaunchedTime_ListedAsUnreadableNotAsNeverLaunched(string value)
    {
        var mapped = Ec2ImageMapper.ToAmiImage(Minimal(i => i.LastLaunchedTime = value), "us-east-1");

        Assert.Null(mapped.LastLaunchedTime);
        Assert.Equal([$"LastLaunchedTime '{value}'"], mapped.UnreadableTimes);
    }

    [Fact]
    public void ToAmiImage_ReadableTimes_NothingUnreadable() =>
        Assert.Empty(Ec2ImageMapper.ToAmiImage(Minimal(_ => { }), "us-east-1").UnreadableTimes);
}
