using AmiAutomation.Core.Images;
using Amazon.EC2;
using Amazon.EC2.Model;
using SdkPermission = Amazon.EC2.Model.LaunchPermission;

namespace AmiAutomation.Simulation.Tests.Operations;

public sealed class ModifyImageAttributeOperationTests
{
    private const string Org = "arn:aws:organizations::123456789012:organization/o-abcdefghij";
    private const string Unit = "arn:aws:organizations::123456789012:ou/o-abcdefghij/ou-ab12-cdef3456";

    [Fact]
    public async Task AddAndRemove_EveryPermissionKind()
    {
        var world = new TestWorld();
        var id = world.Image();

        await world.EastClient.ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = id,
            LaunchPermission = new LaunchPermissionModifications
            {
                Add = [new SdkPermission { UserId = "111122223333" }, new SdkPermission { Group = PermissionGroup.All }, new SdkPermission { OrganizationArn = Org }, new SdkPermission { OrganizationalUnitArn = Unit }],
            },
        });
        Assert.Equal(4, world.Simulator.LaunchPermissionsOf(TestWorld.East, id).Count);
        Assert.True(world.Simulator.FindImage(TestWorld.East, id)!.Public);

        await world.EastClient.ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = id,
            LaunchPermission = new LaunchPermissionModifications { Remove = [new SdkPermission { Group = PermissionGroup.All }, new SdkPermission { UserId = "111122223333" }] },
        });

        Assert.Equal(
            [new AmiAutomation.Core.Images.LaunchPermission(LaunchPermissionKind.Organization, Org), new AmiAutomation.Core.Images.LaunchPermission(LaunchPermissionKind.OrganizationalUnit, Unit)],
            world.Simulator.LaunchPermissionsOf(TestWorld.East, id));
        Assert.False(world.Simulator.FindImage(TestWorld.East, id)!.Public);
    }

    [Fact]
    public async Task FlatForm_OperationTypeAndUserIds()
    {
        var world = new TestWorld();
        var id = world.Image();

        await world.EastClient.ModifyImageAttributeAsync(new ModifyImageAttributeRequest { ImageId = id, Attribute = "launchPermission", OperationType = OperationType.Add, UserIds = ["111122223333", "444455556666"] });
        await world.EastClient.ModifyImageAttributeAsync(new ModifyImageAttributeRequest { ImageId = id, Attribute = "launchPermission", OperationType = OperationType.Remove, UserIds = ["111122223333"] });

        Assert.Equal([new AmiAutomation.Core.Images.LaunchPermission(LaunchPermissionKind.Account, "444455556666")], world.Simulator.LaunchPermissionsOf(TestWorld.East, id));
    }

    [Fact]
    public async Task MakingPublic_SchedulesDeprecationTwoYearsAfterCreation()
    {
        var world = new TestWorld();
        var created = new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.Zero);
        var id = world.Image(b => b.CreatedAt(created));

        await world.EastClient.ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = id,
            LaunchPermission = new LaunchPermissionModifications { Add = [new SdkPermission { Group = PermissionGroup.All }] },
        });

        Assert.Equal("2027-01-15T10:00:00.000Z", world.Simulator.FindImage(TestWorld.East, id)!.DeprecationTime);
    }

    [Theory]
    [InlineData("bogus", null)]
    [InlineData(null, "everyone")]
    public async Task InvalidItems_Rejected(string? userId, string? group)
    {
        var world = new TestWorld();
        var id = world.Image();
        var permission = new SdkPermission { UserId = userId, Group = group is null ? null : new PermissionGroup(group) };

        var error = await Errors.Expect("InvalidAMIAttributeItemValue", () => world.EastClient.ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = id,
            LaunchPermission = new LaunchPermissionModifications { Add = [permission] },
        }));

        Assert.Contains(userId ?? group!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Description_Changes()
    {
        var world = new TestWorld();
        var id = world.Image(b => b.WithDescription("old"));

        await world.EastClient.ModifyImageAttributeAsync(new ModifyImageAttributeRequest { ImageId = id, Description = "new" });

        Assert.Equal("new", world.Simulator.FindImage(TestWorld.East, id)!.Description);
    }

    [Fact]
    public async Task PendingCopy_CannotBeModified()
    {
        var world = new TestWorld();
        var source = world.Image();
        var copy = (await world.WestClient.CopyImageAsync(new CopyImageRequest { SourceImageId = source, SourceRegion = TestWorld.East, Name = "copy" })).ImageId;

        await Errors.Expect("InvalidAMIID.Unavailable", () => world.WestClient.ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = copy,
            LaunchPermission = new LaunchPermissionModifications { Add = [new SdkPermission { UserId = "111122223333" }] },
        }));
    }
}
