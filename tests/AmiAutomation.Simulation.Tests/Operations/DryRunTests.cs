using Amazon.EC2;
using Amazon.EC2.Model;
using SdkPermission = Amazon.EC2.Model.LaunchPermission;

namespace AmiAutomation.Simulation.Tests.Operations;

/// <summary>Every mutating call: DryRun validates, then stops with DryRunOperation (HTTP 412) and changes nothing.</summary>
public sealed class DryRunTests
{
    private static readonly Dictionary<string, Func<TestWorld, string, bool, Task>> Calls = new()
    {
        ["EnableImageDeprecation"] = (w, id, dry) => w.EastClient.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = id, DeprecateAt = TestWorld.Start.UtcDateTime.AddDays(1), DryRun = dry }),
        ["DisableImageDeprecation"] = (w, id, dry) => w.EastClient.DisableImageDeprecationAsync(new DisableImageDeprecationRequest { ImageId = id, DryRun = dry }),
        ["DisableImage"] = (w, id, dry) => w.EastClient.DisableImageAsync(new DisableImageRequest { ImageId = id, DryRun = dry }),
        ["EnableImage"] = (w, id, dry) => w.EastClient.EnableImageAsync(new EnableImageRequest { ImageId = id, DryRun = dry }),
        ["EnableImageDeregistrationProtection"] = (w, id, dry) => w.EastClient.EnableImageDeregistrationProtectionAsync(new EnableImageDeregistrationProtectionRequest { ImageId = id, DryRun = dry }),
        ["DisableImageDeregistrationProtection"] = (w, id, dry) => w.EastClient.DisableImageDeregistrationProtectionAsync(new DisableImageDeregistrationProtectionRequest { ImageId = id, DryRun = dry }),
        ["DeregisterImage"] = (w, id, dry) => w.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id, DeleteAssociatedSnapshots = true, DryRun = dry }),
        ["ModifyImageAttribute"] = (w, id, dry) => w.EastClient.ModifyImageAttributeAsync(new ModifyImageAttributeRequest { ImageId = id, LaunchPermission = new LaunchPermissionModifications { Add = [new SdkPermission { UserId = "111122223333" }] }, DryRun = dry }),
        ["CreateTags"] = (w, id, dry) => w.EastClient.CreateTagsAsync(new CreateTagsRequest { Resources = [id], Tags = [new Tag("k", "v")], DryRun = dry }),
        ["DeleteTags"] = (w, id, dry) => w.EastClient.DeleteTagsAsync(new DeleteTagsRequest { Resources = [id], DryRun = dry }),
        ["CopyImage"] = (w, id, dry) => w.WestClient.CopyImageAsync(new CopyImageRequest { SourceImageId = id, SourceRegion = TestWorld.East, Name = "dry-copy", DryRun = dry }),
        ["DeleteSnapshot"] = async (w, _, dry) =>
        {
            var loose = (await w.EastClient.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { Filters = [new Filter("description", ["loose"])] })).Snapshots.Single();
            await w.EastClient.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = loose.SnapshotId, DryRun = dry });
        },
    };

    public static TheoryData<string> Names() => [.. Calls.Keys];

    private static string Seed(TestWorld world)
    {
        world.Simulator.AddSnapshot(TestWorld.East, 8, "loose");
        return world.Image(b => b.Named("dry-run-target").Tagged("k", "old").DeprecatedAt(TestWorld.Start.AddDays(3)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task DryRun_WouldSucceed_DryRunOperationAndNoChange(string action)
    {
        var world = new TestWorld();
        var id = Seed(world);
        var before = Snapshot(world);

        var error = await Errors.Expect("DryRunOperation", () => Calls[action](world, id, true));

        Assert.Equal(System.Net.HttpStatusCode.PreconditionFailed, error.StatusCode);
        Assert.Equal(before, Snapshot(world));
        Assert.True(world.Simulator.Calls.All.Single(c => c.Action == action).DryRun);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task DryRun_Denied_UnauthorizedOperation(string action)
    {
        var world = new TestWorld();
        var id = Seed(world);
        world.Simulator.Access.Deny(action);

        var error = await Errors.Expect("UnauthorizedOperation", () => Calls[action](world, id, true));

        Assert.Contains(action, error.Message, StringComparison.Ordinal);
        await Errors.Expect("UnauthorizedOperation", () => Calls[action](world, id, false));
    }

    [Fact]
    public async Task DryRun_InvalidRequest_ReportsTheValidationErrorNotDryRun()
    {
        var world = new TestWorld();

        await Errors.Expect("InvalidAMIID.NotFound", () => Calls["DeregisterImage"](world, "ami-0123456789abcdef0", true));
        await Errors.Expect("InvalidAMIID.Malformed", () => Calls["DisableImage"](world, "bad", true));
    }

    private static string Snapshot(TestWorld world)
    {
        var east = world.Simulator.ListImages(TestWorld.East).Select(i => $"{i.ImageId}|{i.State}|{i.DeprecationTime}|{i.DeregistrationProtection}|{string.Join(',', (i.Tags ?? []).Select(t => t.Key + "=" + t.Value))}");
        var west = world.Simulator.ListImages(TestWorld.West).Select(i => i.ImageId);
        var permissions = world.Simulator.ListImages(TestWorld.East).SelectMany(i => world.Simulator.LaunchPermissionsOf(TestWorld.East, i.ImageId));
        return string.Join(';', east.Concat(west).Concat(permissions.Select(p => p.ToString()))) + world.Simulator.SnapshotCount(TestWorld.East);
    }
}
