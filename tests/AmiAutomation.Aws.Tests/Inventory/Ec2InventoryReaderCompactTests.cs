using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Images;
using Amazon.EC2.Model;
using NSubstitute;

namespace AmiAutomation.Aws.Tests.Inventory;

/// <summary>What the inventory holds per image: strings shared within one read, never across reads; tags compact.</summary>
public sealed class Ec2InventoryReaderCompactTests : InventoryReaderTestBase
{
    private void AddFreshImages(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Ec2.AddImage(Ami(i), image =>
            {
                image.OwnerId = new string("123456789012");
                image.Tags = [new Tag(new string("team"), new string("web")), new Tag(new string("Name"), image.Name)];
                image.BlockDeviceMappings[0].DeviceName = new string("/dev/xvda");
            });
        }
    }

    [Fact]
    public async Task ReadAsync_ImagesOverSeveralPages_RepeatedStringsAreOneInstance()
    {
        AddFreshImages(5);

        var snapshot = await ReadAsync(InventoryOptions.Default with { ImagePageSize = 2 });

        Assert.Equal(5, snapshot.Images.Count);
        Assert.Single(snapshot.Images.Select(i => i.OwnerId).Distinct(ReferenceEqualityComparer.Instance));
        Assert.Single(snapshot.Images.SelectMany(i => i.Tags.Keys).Where(k => k == "team").Distinct(ReferenceEqualityComparer.Instance));
        Assert.Single(snapshot.Images.Select(i => i.Tag("team")).Distinct(ReferenceEqualityComparer.Instance));
        Assert.Single(snapshot.Images.Select(i => i.Snapshots[0].DeviceName).Distinct(ReferenceEqualityComparer.Instance));
        Assert.All(snapshot.Images, i => Assert.IsType<ImageTags>(i.Tags));
        Assert.All(snapshot.Images, i => Assert.Same(i.Name, i.Tag("Name")));
    }

    [Fact]
    public async Task ReadAsync_TwoReads_ShareNoPool()
    {
        // The pool lives in the read's context: a warm Lambda's next sweep starts empty and the last one's strings go.
        AddFreshImages(1);
        var first = await ReadAsync();
        Ec2.Images[0].Tags = [new Tag(new string("team"), new string("web"))];

        var second = await ReadAsync();

        Assert.NotSame(first.Images[0].Tag("team"), second.Images[0].Tag("team"));
        Assert.Same(Ec2.Images[0].Tags[0].Value, second.Images[0].Tag("team"));
    }

    [Fact]
    public void InventoryContext_EachRead_HasItsOwnPool()
    {
        InventoryContext Context() => new("us-east-1", Ec2.Client, new(() => Substitute.For<AmiAutomation.Aws.AutoScaling.IAutoScalingClient>()), TestLimits.Registry().ForRegion("us-east-1"), InventoryOptions.Default);

        Assert.NotSame(Context().Strings, Context().Strings);
    }
}
