using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Operations;

public sealed class DisableImageOperationsTests
{
    [Fact]
    public async Task Disable_RemovesEveryLaunchPermission_AndEnableDoesNotRestoreThem()
    {
        var world = new TestWorld();
        var id = world.Image(b => b.Public().SharedWithAccount("111122223333"));

        Assert.True((await world.EastClient.DisableImageAsync(new DisableImageRequest { ImageId = id })).Return);
        Assert.Equal(ImageState.Disabled, world.Simulator.FindImage(TestWorld.East, id)!.State);
        Assert.Empty(world.Simulator.LaunchPermissionsOf(TestWorld.East, id));
        Assert.False(world.Simulator.FindImage(TestWorld.East, id)!.Public);

        Assert.True((await world.EastClient.EnableImageAsync(new EnableImageRequest { ImageId = id })).Return);
        Assert.Equal(ImageState.Available, world.Simulator.FindImage(TestWorld.East, id)!.State);
        Assert.Empty(world.Simulator.LaunchPermissionsOf(TestWorld.East, id));
    }

    [Fact]
    public async Task Disabled_CannotBeShared()
    {
        var world = new TestWorld();
        var id = world.Image(b => b.Disabled());

        var error = await Errors.Expect(SimulatedErrorCodes.ImageInWrongState, () => world.EastClient.ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = id,
            LaunchPermission = new LaunchPermissionModifications { Add = [new Amazon.EC2.Model.LaunchPermission { UserId = "111122223333" }] },
        }));

        Assert.Contains("disabled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabled_SnapshotsCannotBeDeleted()
    {
        var world = new TestWorld();
        var id = world.Image(b => b.Disabled());
        var snapshot = world.Simulator.SnapshotIdsOf(TestWorld.East, id).Single();

        await Errors.Expect("InvalidSnapshot.InUse", () => world.EastClient.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshot }));
    }

    [Fact]
    public async Task Disable_FailedImage_IncorrectState()
    {
        var world = new TestWorld();
        var id = world.Image(b => b.Failed());

        await Errors.Expect("IncorrectState", () => world.EastClient.DisableImageAsync(new DisableImageRequest { ImageId = id }));
        Assert.Equal(ImageState.Failed, world.Simulator.FindImage(TestWorld.East, id)!.State);
    }

    [Fact]
    public async Task Disable_RemovesOrganizationAndOuShares_EnableBringsNoneBack()
    {
        var world = new TestWorld();
        var id = world.Image(b => b.SharedWithOrganization("arn:aws:organizations::123456789012:organization/o-abcdef1234")
            .SharedWithOrganizationalUnit("arn:aws:organizations::123456789012:ou/o-abcdef1234/ou-ab12-cdef3456"));

        await world.EastClient.DisableImageAsync(new DisableImageRequest { ImageId = id });
        Assert.Empty(world.Simulator.LaunchPermissionsOf(TestWorld.East, id));
        await world.EastClient.EnableImageAsync(new EnableImageRequest { ImageId = id });

        Assert.Empty(world.Simulator.LaunchPermissionsOf(TestWorld.East, id));
    }

    [Fact]
    public async Task DeregisterDisabled_WithDeleteAssociatedSnapshots_ImageBinnedSnapshotsDeleted()
    {
        // ASSUMED (docs/simulator-behaviours.md): the image is deregistered first, so its snapshots are no longer in
        // use by a disabled image when they are deleted.
        var world = new TestWorld();
        var id = world.Image(b => b.Disabled());
        var snapshot = world.Simulator.SnapshotIdsOf(TestWorld.East, id).Single();

        var response = await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id, DeleteAssociatedSnapshots = true });

        Assert.Equal(SnapshotReturnCodes.Success, response.DeleteSnapshotResults.Single(r => r.SnapshotId == snapshot).ReturnCode);
        Assert.Null(world.Simulator.FindImage(TestWorld.East, id));
    }
}
