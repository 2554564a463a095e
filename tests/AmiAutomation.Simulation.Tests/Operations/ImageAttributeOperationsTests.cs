using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Operations;

public sealed class ImageAttributeOperationsTests
{
    [Fact]
    public async Task LastLaunchedTime_IsAStringOrNull()
    {
        var world = new TestWorld();
        var launched = world.Image(b => b.LastLaunchedAt(new DateTimeOffset(2025, 5, 1, 8, 30, 15, TimeSpan.Zero)));
        var never = world.Image();

        var a = await world.EastClient.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = launched, Attribute = "lastLaunchedTime" });
        var b = await world.EastClient.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = never, Attribute = "lastLaunchedTime" });

        Assert.Equal("2025-05-01T08:30:15.000Z", a.ImageAttribute.LastLaunchedTime);
        Assert.Null(b.ImageAttribute.LastLaunchedTime);
    }

    [Fact]
    public async Task SetLastLaunched_ShowsInDescribeImagesAndAttribute()
    {
        var world = new TestWorld();
        var id = world.Image();

        world.Simulator.SetLastLaunched(TestWorld.East, id, TestWorld.Start.AddHours(-2));

        Assert.Equal("2025-06-01T10:00:00.000Z", world.Simulator.FindImage(TestWorld.East, id)!.LastLaunchedTime);
    }

    [Fact]
    public async Task LaunchPermission_ListsEveryKind()
    {
        var world = new TestWorld();
        var id = world.Image(b => b.Public().SharedWithAccount("111122223333")
            .SharedWithOrganization("arn:aws:organizations::123456789012:organization/o-abcdefghij")
            .SharedWithOrganizationalUnit("arn:aws:organizations::123456789012:ou/o-abcdefghij/ou-ab12-cdef3456"));

        var permissions = (await world.EastClient.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = id, Attribute = "launchPermission" })).ImageAttribute.LaunchPermissions;

        Assert.Equal(4, permissions.Count);
        Assert.Equal("all", permissions[0].Group.Value);
        Assert.Equal("111122223333", permissions[1].UserId);
        Assert.EndsWith("o-abcdefghij", permissions[2].OrganizationArn, StringComparison.Ordinal);
        Assert.Contains(":ou/", permissions[3].OrganizationalUnitArn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Description_AndDeprecatedBlockDeviceMapping()
    {
        var world = new TestWorld();
        var id = world.Image(b => b.WithDescription("hello"));

        var description = await world.EastClient.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = id, Attribute = "description" });

        Assert.Equal("hello", description.ImageAttribute.Description);
        await Errors.Expect("AuthFailure", () => world.EastClient.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = id, Attribute = "blockDeviceMapping" }));
        await Errors.Expect("InvalidParameterValue", () => world.EastClient.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = id, Attribute = "colour" }));
    }

    [Fact]
    public async Task ForeignImage_AuthFailure()
    {
        var world = new TestWorld();
        var foreign = world.Image(b => b.OwnedBy("999988887777").Public());

        var error = await Errors.Expect("AuthFailure", () => world.EastClient.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = foreign, Attribute = "lastLaunchedTime" }));

        Assert.Contains(foreign, error.Message, StringComparison.Ordinal);
    }
}
