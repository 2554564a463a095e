using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Operations;

public sealed class ProtectionOperationsTests
{
    [Fact]
    public async Task Protected_BlocksDeregistration_UntilDisabled()
    {
        var world = new TestWorld();
        var id = world.Image();

        var enabled = await world.EastClient.EnableImageDeregistrationProtectionAsync(new EnableImageDeregistrationProtectionRequest { ImageId = id });
        Assert.Equal("true", enabled.Return);
        Assert.Equal("enabled-without-cooldown", world.Simulator.FindImage(TestWorld.East, id)!.DeregistrationProtection);
        var error = await Errors.Expect(SimulatedErrorCodes.DeregistrationProtected, () => world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id }));
        Assert.Contains("protection", error.Message, StringComparison.Ordinal);

        await world.EastClient.DisableImageDeregistrationProtectionAsync(new DisableImageDeregistrationProtectionRequest { ImageId = id });
        Assert.Equal("disabled", world.Simulator.FindImage(TestWorld.East, id)!.DeregistrationProtection);
        await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id });
        Assert.Null(world.Simulator.FindImage(TestWorld.East, id));
    }

    [Fact]
    public async Task WithCooldown_StillProtectedFor24HoursAfterDisabling()
    {
        var world = new TestWorld();
        var id = world.Image();
        await world.EastClient.EnableImageDeregistrationProtectionAsync(new EnableImageDeregistrationProtectionRequest { ImageId = id, WithCooldown = true });
        Assert.Equal("enabled-with-cooldown", world.Simulator.FindImage(TestWorld.East, id)!.DeregistrationProtection);

        await world.EastClient.DisableImageDeregistrationProtectionAsync(new DisableImageDeregistrationProtectionRequest { ImageId = id });
        Assert.StartsWith("disabled-until-2025-06-02T12:00:00", world.Simulator.FindImage(TestWorld.East, id)!.DeregistrationProtection, StringComparison.Ordinal);
        world.Time.Advance(TimeSpan.FromHours(23));
        await Errors.Expect(SimulatedErrorCodes.DeregistrationProtected, () => world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id }));

        world.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal("disabled", world.Simulator.FindImage(TestWorld.East, id)!.DeregistrationProtection);
        await world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id });
    }

    [Fact]
    public async Task DescribeImageAttribute_ReportsProtection()
    {
        var world = new TestWorld();
        var id = world.Image(b => b.DeregistrationProtected());

        var attribute = await world.EastClient.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = id, Attribute = "deregistrationProtection" });

        Assert.Equal("enabled-without-cooldown", attribute.ImageAttribute.DeregistrationProtection);
    }
}
