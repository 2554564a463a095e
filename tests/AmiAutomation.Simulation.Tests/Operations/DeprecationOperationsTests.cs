using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Operations;

public sealed class DeprecationOperationsTests
{
    [Theory]
    [InlineData(29, "2025-06-10T12:00:00.000Z")]
    [InlineData(30, "2025-06-10T12:01:00.000Z")]
    [InlineData(0, "2025-06-10T12:00:00.000Z")]
    public async Task Enable_RoundsToNearestMinute(int seconds, string expected)
    {
        var world = new TestWorld();
        var id = world.Image();
        var at = new DateTime(2025, 6, 10, 12, 0, seconds, DateTimeKind.Utc);

        var response = await world.EastClient.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = id, DeprecateAt = at });

        Assert.True(response.Return);
        Assert.Equal(expected, world.Simulator.FindImage(TestWorld.East, id)!.DeprecationTime);
    }

    [Fact]
    public async Task Enable_InThePast_Rejected()
    {
        var world = new TestWorld();
        var id = world.Image();

        var error = await Errors.Expect("InvalidParameterValue", () => world.EastClient.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = id, DeprecateAt = TestWorld.Start.UtcDateTime.AddMinutes(-5) }));

        Assert.Contains("past", error.Message, StringComparison.Ordinal);
        Assert.Null(world.Simulator.FindImage(TestWorld.East, id)!.DeprecationTime);
    }

    [Fact]
    public async Task Enable_Now_IsAllowedAndDeprecatesAtOnce()
    {
        var world = new TestWorld();
        var id = world.Image();

        await world.EastClient.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = id, DeprecateAt = TestWorld.Start.UtcDateTime });

        Assert.Equal("2025-06-01T12:00:00.000Z", world.Simulator.FindImage(TestWorld.East, id)!.DeprecationTime);
    }

    [Fact]
    public async Task Enable_MoreThanTenYearsAhead_Rejected()
    {
        var world = new TestWorld();
        var id = world.Image();

        await world.EastClient.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = id, DeprecateAt = TestWorld.Start.UtcDateTime.AddYears(10) });
        await Errors.Expect("InvalidParameterValue", () => world.EastClient.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = id, DeprecateAt = TestWorld.Start.UtcDateTime.AddYears(10).AddMinutes(2) }));
    }

    [Fact]
    public async Task Enable_PublicImage_LimitedToTwoYearsAfterCreation()
    {
        var world = new TestWorld();
        var created = TestWorld.Start.AddDays(-100);
        var id = world.Image(b => b.CreatedAt(created).Public());

        await world.EastClient.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = id, DeprecateAt = created.UtcDateTime.AddYears(2) });
        var error = await Errors.Expect("InvalidParameterValue", () => world.EastClient.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = id, DeprecateAt = created.UtcDateTime.AddYears(2).AddDays(1) }));
        Assert.Contains("public", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enable_PublicImageOlderThanTwoYears_EveryTimeRejected()
    {
        var world = new TestWorld();
        var id = world.Image(b => b.CreatedAt(TestWorld.Start.AddYears(-2).AddDays(-1)).Public());

        await Errors.Expect("InvalidParameterValue", () => world.EastClient.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = id, DeprecateAt = TestWorld.Start.UtcDateTime.AddMinutes(1) }));
        await Errors.Expect("InvalidParameterValue", () => world.EastClient.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = id, DeprecateAt = TestWorld.Start.UtcDateTime.AddDays(30) }));
    }

    [Fact]
    public async Task Disable_ClearsDeprecation()
    {
        var world = new TestWorld();
        var id = world.Image(b => b.DeprecatedAt(TestWorld.Start.AddDays(-1)));

        var response = await world.EastClient.DisableImageDeprecationAsync(new DisableImageDeprecationRequest { ImageId = id });

        Assert.True(response.Return);
        Assert.Null(world.Simulator.FindImage(TestWorld.East, id)!.DeprecationTime);
    }

    [Fact]
    public async Task Enable_ForeignUnknownMalformedPending_Rejected()
    {
        var world = new TestWorld();
        var foreign = world.Image(b => b.OwnedBy("999988887777").Public());
        var pending = world.Image(b => b.Pending(TimeSpan.FromHours(1)));
        var at = TestWorld.Start.UtcDateTime.AddDays(1);

        await Errors.Expect("AuthFailure", () => world.EastClient.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = foreign, DeprecateAt = at }));
        await Errors.Expect("InvalidAMIID.NotFound", () => world.EastClient.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = "ami-0123456789abcdef0", DeprecateAt = at }));
        await Errors.Expect("InvalidAMIID.Malformed", () => world.EastClient.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = "image-1", DeprecateAt = at }));
        await Errors.Expect("InvalidAMIID.Unavailable", () => world.EastClient.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = pending, DeprecateAt = at }));
        await Errors.Expect("MissingParameter", () => world.EastClient.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = pending }));
    }
}
