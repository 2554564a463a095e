using AmiAutomation.Aws.Replication;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Tagging;
using static AmiAutomation.Aws.Tests.Replication.ReplicationSetup;

namespace AmiAutomation.Aws.Tests.Replication;

public sealed class Ec2CopyFinderTests
{
    [Fact]
    public async Task FindCopiesAsync_ByLineageTagAndBySourceImageId()
    {
        var setup = new ReplicationSetup();
        var source = setup.AddSource();
        var tagged = setup.Ec2.AddImage(Destination, b => b.Named("a").Tagged(TagNames.SourceImage, source.ImageId));
        var untagged = setup.Ec2.AddImage(Destination, b => b.Named("b").CopiedFrom(source.ImageId, Home).Failed());
        setup.Ec2.AddImage(Destination, b => b.Named("c").CopiedFrom("ami-0ffffffffffffffff", Home));

        var copies = await setup.Finder.FindCopiesAsync(Destination, source.ImageId, CancellationToken.None);

        Assert.Equal(new[] { tagged, untagged }.Order(StringComparer.Ordinal), copies.Select(c => c.ImageId).Order(StringComparer.Ordinal));
        Assert.Contains(copies, c => c.State == ImageState.Failed);
    }

    [Fact]
    public async Task FindCopiesAsync_SourceImageFilterOff_OnlyLineageTag()
    {
        var setup = new ReplicationSetup(new Ec2ReplicatorOptions { FindCopiesBySourceImage = false });
        var source = setup.AddSource();
        setup.Ec2.AddImage(Destination, b => b.Named("b").CopiedFrom(source.ImageId, Home));

        Assert.Empty(await setup.Finder.FindCopiesAsync(Destination, source.ImageId, CancellationToken.None));
        Assert.DoesNotContain(setup.Ec2.Calls.All, c => c.Action == "DescribeImages" && c.Region == Destination && c.ErrorCode is not null);
    }

    [Fact]
    public async Task ListCopiesFromAsync_EveryCopyOfTheRegionsImages_Paged()
    {
        var setup = new ReplicationSetup(new Ec2ReplicatorOptions { PageSize = 2 });
        for (var i = 0; i < 5; i++)
        {
            setup.Ec2.AddImage(Destination, b => b.Named($"copy-{i}").CopiedFrom($"ami-0{i:D16}", Home).Tagged(TagNames.SourceRegion, Home));
        }

        setup.Ec2.AddImage(Destination, b => b.Named("other").CopiedFrom("ami-0aaaaaaaaaaaaaaaa", "ap-south-1"));
        setup.Ec2.AddImage(Destination, b => b.Named("not-a-copy"));

        var copies = await setup.Finder.ListCopiesFromAsync(Destination, Home, CancellationToken.None);

        Assert.Equal(5, copies.Count);
        Assert.True(setup.Ec2.Calls.CountOf("DescribeImages", Destination) >= 6);
    }

    [Fact]
    public async Task DescribeImageAsync_Unknown_Null()
    {
        var setup = new ReplicationSetup();

        Assert.Null(await setup.Finder.DescribeImageAsync(Home, "ami-0123456789abcdef0", CancellationToken.None));
    }

    [Fact]
    public async Task DescribeImageAsync_Disabled_StillFound()
    {
        var setup = new ReplicationSetup();
        var id = setup.Ec2.AddImage(Home, b => b.Named("x").Disabled());

        Assert.Equal(ImageState.Disabled, (await setup.Finder.DescribeImageAsync(Home, id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task GetLaunchPermissionsAsync_AllKinds()
    {
        var setup = new ReplicationSetup();
        var source = setup.AddSource(b => b.SharedWithAccount("444455556666").SharedWithOrganization("arn:aws:organizations::123456789012:organization/o-abc").Public());

        var permissions = await setup.Finder.GetLaunchPermissionsAsync(Home, source.ImageId, CancellationToken.None);

        Assert.Equal(
            [LaunchPermissionKind.Account, LaunchPermissionKind.Organization, LaunchPermissionKind.Public],
            permissions.Select(p => p.Kind).Order());
    }
}
