using System.Net;
using AmiAutomation.TestKit.Moto;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Parity;

/// <summary>
/// Where moto 5.2 (https://github.com/getmoto/moto) differs from EC2, as these tests observe, the simulator follows EC2.
/// Each test shows moto's behaviour and the simulator's EC2 behaviour for the same call, so a moto upgrade that
/// changes either side is noticed.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class KnownMotoDifferences(MotoServerFixture moto) : ParityTest(moto)
{
    private readonly MotoServerFixture _moto = moto;

    private async Task<(Ec2Backend Moto, Ec2Backend Simulator, string MotoImage, string SimulatorImage)> ImagesAsync(string name = "diff-1")
    {
        var motoBackend = Ec2Backend.Moto(_moto);
        var simulatorBackend = Ec2Backend.Simulated(East, West);
        var motoImage = await Scenario.ImageAsync(motoBackend[East], await Scenario.LaunchAsync(motoBackend[East]), name);
        var simulatorImage = await Scenario.ImageAsync(simulatorBackend[East], await Scenario.LaunchAsync(simulatorBackend[East]), name);
        return (motoBackend, simulatorBackend, motoImage, simulatorImage);
    }

    [Fact]
    public async Task ImageIds_Moto_IgnoresFilters_Simulator_AppliesThem()
    {
        var (motoBackend, simulator, motoImage, simulatorImage) = await ImagesAsync();
        using var _ = motoBackend;
        using var __ = simulator;
        var filters = new List<Filter> { new("name", ["no-such-name"]) };

        var motoResult = await motoBackend[East].DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [motoImage], Filters = filters });
        var simResult = await simulator[East].DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [simulatorImage], Filters = filters });

        Assert.Single(motoResult.Images);
        Assert.Null(simResult.Images);
    }

    [Fact]
    public async Task MaxResults_Moto_OnePageNoToken_Simulator_Pages()
    {
        var (motoBackend, simulator, _, _) = await ImagesAsync("page-1");
        using var _1 = motoBackend;
        using var _2 = simulator;
        await Scenario.ImageAsync(motoBackend[East], await Scenario.LaunchAsync(motoBackend[East]), "page-2");
        await Scenario.ImageAsync(simulator[East], await Scenario.LaunchAsync(simulator[East]), "page-2");

        var motoPage = await motoBackend[East].DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], MaxResults = 1 });
        var simPage = await simulator[East].DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], MaxResults = 1 });

        Assert.Equal(2, motoPage.Images.Count);
        Assert.Null(motoPage.NextToken);
        Assert.Single(simPage.Images);
        Assert.NotNull(simPage.NextToken);
    }

    [Fact]
    public async Task CopyImage_Moto_DuplicateNamesAndNoIdempotency_NoSourceFields_Simulator_AsEc2()
    {
        var (motoBackend, simulator, motoImage, simulatorImage) = await ImagesAsync();
        using var _1 = motoBackend;
        using var _2 = simulator;

        async Task<(string First, string Second, string? Duplicate, Image Copy)> Run(IAmazonEC2 west, string source)
        {
            var request = new CopyImageRequest { SourceImageId = source, SourceRegion = East, Name = "same-name", ClientToken = "token-1" };
            var first = (await west.CopyImageAsync(request)).ImageId;
            var second = (await west.CopyImageAsync(request)).ImageId;
            string? duplicate;
            try
            {
                duplicate = (await west.CopyImageAsync(new CopyImageRequest { SourceImageId = source, SourceRegion = East, Name = "same-name" })).ImageId;
            }
            catch (AmazonEC2Exception exception)
            {
                duplicate = exception.ErrorCode;
            }

            var copy = (await west.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [first] })).Images.Single();
            return (first, second, duplicate, copy);
        }

        var motoRun = await Run(motoBackend[West], motoImage);
        var simRun = await Run(simulator[West], simulatorImage);

        Assert.NotEqual(motoRun.First, motoRun.Second);
        Assert.StartsWith("ami-", motoRun.Duplicate, StringComparison.Ordinal);
        Assert.Null(motoRun.Copy.SourceImageId);
        Assert.Equal(simRun.First, simRun.Second);
        Assert.Equal("InvalidAMIName.Duplicate", simRun.Duplicate);
        Assert.Equal(simulatorImage, simRun.Copy.SourceImageId);
        Assert.Equal(East, simRun.Copy.SourceImageRegion);
    }

    [Fact]
    public async Task DeleteAssociatedSnapshots_Moto_Ignored_Simulator_Deletes()
    {
        var (motoBackend, simulator, motoImage, simulatorImage) = await ImagesAsync();
        using var _1 = motoBackend;
        using var _2 = simulator;

        async Task<(List<DeleteSnapshotReturnCode>? Results, int SnapshotsLeft)> Run(IAmazonEC2 ec2, string image)
        {
            var snapshot = (await ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [image] })).Images.Single().BlockDeviceMappings.Single(b => b.Ebs is not null).Ebs.SnapshotId;
            var response = await ec2.DeregisterImageAsync(new DeregisterImageRequest { ImageId = image, DeleteAssociatedSnapshots = true });
            var left = (await ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { Filters = [new Filter("snapshot-id", [snapshot])] })).Snapshots?.Count ?? 0;
            return (response.DeleteSnapshotResults, left);
        }

        var motoRun = await Run(motoBackend[East], motoImage);
        var simRun = await Run(simulator[East], simulatorImage);

        Assert.Null(motoRun.Results);
        Assert.Equal(1, motoRun.SnapshotsLeft);
        Assert.Equal("success", Assert.Single(simRun.Results!).ReturnCode.Value);
        Assert.Equal(0, simRun.SnapshotsLeft);
    }

    [Fact]
    public async Task AwsTagPrefix_Moto_Accepts_Simulator_Rejects()
    {
        var (motoBackend, simulator, motoImage, simulatorImage) = await ImagesAsync();
        using var _1 = motoBackend;
        using var _2 = simulator;
        var tags = new List<Tag> { new("aws:reserved", "x") };

        await motoBackend[East].CreateTagsAsync(new CreateTagsRequest { Resources = [motoImage], Tags = tags });

        await Errors.Expect("InvalidTagKey.Malformed", () => simulator[East].CreateTagsAsync(new CreateTagsRequest { Resources = [simulatorImage], Tags = tags }));
    }

    [Fact]
    public async Task Validation_Moto_Lenient_Simulator_Ec2Codes()
    {
        var (motoBackend, simulator, _, _) = await ImagesAsync();
        using var _1 = motoBackend;
        using var _2 = simulator;

        var motoOwners = await motoBackend[East].DescribeImagesAsync(new DescribeImagesRequest { Owners = ["bogus"] });
        var motoDeregister = await Errors.Of(() => motoBackend[East].DeregisterImageAsync(new DeregisterImageRequest { ImageId = "bogus" }));
        var motoFilter = await Errors.Of(() => motoBackend[East].DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], Filters = [new Filter("no-such-filter", ["x"])] }));

        Assert.Null(motoOwners.Images);
        Assert.Equal("InvalidAMIID.NotFound", motoDeregister.ErrorCode);
        Assert.Equal(HttpStatusCode.InternalServerError, motoFilter.StatusCode);
        await Errors.Expect("InvalidUserID.Malformed", () => simulator[East].DescribeImagesAsync(new DescribeImagesRequest { Owners = ["bogus"] }));
        await Errors.Expect("InvalidAMIID.Malformed", () => simulator[East].DeregisterImageAsync(new DeregisterImageRequest { ImageId = "bogus" }));
        await Errors.Expect("InvalidParameterValue", () => simulator[East].DescribeImagesAsync(new DescribeImagesRequest { Filters = [new Filter("no-such-filter", ["x"])] }));
    }

    [Fact]
    public async Task NotImplementedInMoto_500EmptyCode_ImplementedInSimulator()
    {
        var (motoBackend, simulator, motoImage, simulatorImage) = await ImagesAsync();
        using var _1 = motoBackend;
        using var _2 = simulator;
        var calls = new List<Func<IAmazonEC2, string, DateTime, Task>>
        {
            (ec2, id, at) => ec2.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = id, DeprecateAt = at }),
            (ec2, id, _) => ec2.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = id, Attribute = ImageAttributeName.LastLaunchedTime }),
            (ec2, _, _) => ec2.ListImagesInRecycleBinAsync(new ListImagesInRecycleBinRequest()),
            (ec2, id, _) => ec2.EnableImageDeregistrationProtectionAsync(new EnableImageDeregistrationProtectionRequest { ImageId = id }),
            (ec2, id, _) => ec2.DisableImageAsync(new DisableImageRequest { ImageId = id }),
        };

        foreach (var call in calls)
        {
            var error = await Errors.Of(() => call(motoBackend[East], motoImage, DateTime.UtcNow.AddDays(30)));
            Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
            Assert.True(string.IsNullOrEmpty(error.ErrorCode), $"moto answered {error.ErrorCode}");
            await call(simulator[East], simulatorImage, TestWorld.Start.UtcDateTime.AddDays(30));
        }

        Assert.Equal(ImageState.Disabled, simulator.Simulator!.FindImage(East, simulatorImage)!.State);
    }
}
