using System.Runtime.CompilerServices;
using AmiAutomation.Aws.Mapping;
using AmiAutomation.Core.Images;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Aws.Tests.Mapping;

/// <summary>The compact form: strings shared through the sweep's pool, tags in one array, no SDK object kept.</summary>
public sealed class Ec2ImageMapperSharingTests
{
    // Every string a fresh instance, as the SDK's XML unmarshaller gives them.
    private static Image Sdk(string id, string name) => new()
    {
        ImageId = id,
        Name = new string(name),
        OwnerId = new string("123456789012"),
        Description = new string("web server"),
        CreationDate = "2024-05-01T10:00:00.000Z",
        RootDeviceType = DeviceType.Ebs,
        ImageLocation = new string("123456789012/" + name),
        SourceImageRegion = new string("us-east-1"),
        Tags = [new Tag(new string("Name"), new string(name)), new Tag(new string("team"), new string("web"))],
        BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = new string("/dev/xvda"), Ebs = new EbsBlockDevice { SnapshotId = "snap-" + id, VolumeSize = 8 } }],
    };

    [Fact]
    public void ToAmiImage_OnePool_RepeatedValuesAreOneInstance()
    {
        var pool = new StringPool();

        var a = Ec2ImageMapper.ToAmiImage(Sdk("ami-1", "web-1"), "eu-west-1", pool);
        var b = Ec2ImageMapper.ToAmiImage(Sdk("ami-2", "web-2"), "eu-west-1", pool);

        Assert.Same(a.OwnerId, b.OwnerId);
        Assert.Same(a.Description, b.Description);
        Assert.Same(a.SourceRegion, b.SourceRegion);
        Assert.Same(a.Tags.Keys.First(), b.Tags.Keys.First());
        Assert.Same(a.Tag("team"), b.Tag("team"));
        Assert.Same(a.Snapshots[0].DeviceName, b.Snapshots[0].DeviceName);
        Assert.Equal(("123456789012", "web", "/dev/xvda"), (b.OwnerId, b.Tag("team"), b.Snapshots[0].DeviceName));
    }

    [Fact]
    public void ToAmiImage_NameTag_ReusesTheNameStringInsteadOfPoolingIt()
    {
        var pool = new StringPool();

        var image = Ec2ImageMapper.ToAmiImage(Sdk("ami-1", "web-1"), "eu-west-1", pool);

        Assert.Same(image.Name, image.Tag("Name"));
        var held = pool.Count;
        pool.Share(new string("web-1"));
        Assert.Equal(held + 1, pool.Count); // "web-1" was not pooled: unique per image, it would only cost an entry
    }

    [Fact]
    public void ToAmiImage_Tags_CompactAndNotTheSdkList()
    {
        var sdk = Sdk("ami-1", "web-1");

        var image = Ec2ImageMapper.ToAmiImage(sdk, "eu-west-1", new StringPool());
        sdk.Tags.Add(new Tag("late", "x"));
        sdk.Tags[1].Value = "changed";

        Assert.IsType<ImageTags>(image.Tags);
        Assert.Equal(2, image.Tags.Count);
        Assert.Equal("web", image.Tag("team"));
    }

    [Fact]
    public void ToAmiImage_EbsImage_DropsTheRedundantLocation()
    {
        var image = Ec2ImageMapper.ToAmiImage(Sdk("ami-1", "web-1"), "eu-west-1", new StringPool());

        Assert.Equal(RootDeviceKind.Ebs, image.RootDevice);
        Assert.Null(image.ImageLocation);
    }

    [Fact]
    public void ToAmiImage_Result_KeepsNoSdkObjectAlive()
    {
        var pool = new StringPool();
        var (image, sdkImage, sdkTags, sdkDevice) = MapAndForget(pool);

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);

        Assert.Equal("ami-1", image.ImageId);
        Assert.False(sdkImage.IsAlive, "the SDK Image outlived its mapping");
        Assert.False(sdkTags.IsAlive, "the SDK tag list outlived its mapping");
        Assert.False(sdkDevice.IsAlive, "the SDK block device outlived its mapping");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (AmiImage Image, WeakReference SdkImage, WeakReference SdkTags, WeakReference SdkDevice) MapAndForget(StringPool pool)
    {
        var sdk = Sdk("ami-1", "web-1");
        return (Ec2ImageMapper.ToAmiImage(sdk, "eu-west-1", pool), new WeakReference(sdk), new WeakReference(sdk.Tags), new WeakReference(sdk.BlockDeviceMappings[0]));
    }
}
