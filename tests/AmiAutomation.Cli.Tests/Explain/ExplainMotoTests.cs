using System.Globalization;
using System.Text.Json;
using AmiAutomation.Cli.Tests.Output;
using AmiAutomation.TestKit.Moto;
using Amazon.EC2.Model;

namespace AmiAutomation.Cli.Tests.Explain;

/// <summary>
/// explain against moto_server through the same AWS access as plan: five images of family "web", the fourth launched
/// (in use), the second tagged keep, the newest kept as newest, the oldest past retention at +400 days. moto has no
/// DescribeImageReferences, so that source is switched off as the plan tests do.
/// </summary>
[Collection("moto")]
public sealed class ExplainMotoTests(MotoServerFixture moto) : IAsyncLifetime
{
    private const string Region = "eu-west-3";
    private readonly List<string> _imageIds = [];
    private string _instanceId = string.Empty;

    private static readonly string[] Settings =
    [
        "--at", "+400d", "--set", "DISABLED_REFERENCE_SOURCES=ImageReferences",
        "--set", "EXPIRE_OLDER_THAN_DAYS=30", "--set", "EXPIRE_KEEP_NEWEST=2",
    ];

    private Dictionary<string, string> Environment => new()
    {
        ["AWS_ENDPOINT_URL_EC2"] = moto.ServiceUrl,
        ["AWS_ENDPOINT_URL_AUTO_SCALING"] = moto.ServiceUrl,
        ["AWS_ENDPOINT_URL_RBIN"] = moto.ServiceUrl, // moto has no Recycle Bin API: explain must say the rules are unreadable
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
        ["AWS_REGION"] = Region,
        ["AWS_MAX_ATTEMPTS"] = "1",
    };

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        using var ec2 = moto.CreateEc2Client(Region);
        for (var i = 1; i <= 5; i++)
        {
            var response = await ec2.RegisterImageAsync(new RegisterImageRequest
            {
                Name = string.Create(CultureInfo.InvariantCulture, $"web-2024.0{i}.01"),
                RootDeviceName = "/dev/xvda",
                BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = "/dev/xvda", Ebs = new EbsBlockDevice { VolumeSize = 8 } }],
            });
            _imageIds.Add(response.ImageId);
            await Task.Delay(TimeSpan.FromSeconds(1.1)); // distinct creation seconds: "newest K" does not hang on tie-breaks
        }

        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [_imageIds[1]], Tags = [new Tag("ami-lifecycle:keep", "true")] });
        var run = await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = _imageIds[3], MinCount = 1, MaxCount = 1, InstanceType = "t3.micro" });
        _instanceId = run.Reservation.Instances[0].InstanceId;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(CliRun Run, List<JsonElement> Images)> ExplainAsync(params string[] ids)
    {
        var run = await CliRun.RunAsync(Environment, ["explain", .. ids, "--output", "json", .. Settings]);
        using var document = JsonDocument.Parse(run.Out);
        return (run, [.. document.RootElement.GetProperty("images").EnumerateArray().Select(i => i.Clone())]);
    }

    private static JsonElement Expire(JsonElement image) =>
        image.GetProperty("functions").EnumerateArray().Single(f => f.GetProperty("function").GetString() == "expire");

    private static bool Holds(JsonElement function, string code) =>
        function.GetProperty("protections").EnumerateArray().Single(c => c.GetProperty("code").GetString() == code).GetProperty("holds").GetBoolean();

    [Fact]
    public async Task Explain_Moto_GivesTheFullReasonsForInUseNewestProtectedAndExpiringImages()
    {
        var (run, images) = await ExplainAsync(_imageIds[3], _imageIds[4], _imageIds[1], _imageIds[0]);
        var (inUse, newest, kept, expiring) = (images[0], images[1], images[2], images[3]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.All(images, i => Assert.Equal("explained", i.GetProperty("status").GetString()));

        var reference = Assert.Single(inUse.GetProperty("references").EnumerateArray());
        Assert.Equal("Instances", reference.GetProperty("source").GetString());
        Assert.Equal(_instanceId, reference.GetProperty("resourceId").GetString());
        Assert.True(Holds(Expire(inUse), "InUse"));
        Assert.Equal("keep", Expire(inUse).GetProperty("action").GetString());
        Assert.Contains(inUse.GetProperty("sources").EnumerateArray(), s => s.GetProperty("source").GetString() == "ImageReferences" && s.GetProperty("status").GetString() == "Disabled");

        Assert.Equal(1, newest.GetProperty("family").GetProperty("rank").GetInt32());
        Assert.Equal("web", newest.GetProperty("family").GetProperty("name").GetString());
        Assert.True(Holds(Expire(newest), "NewestInFamily"));
        Assert.StartsWith("kept while NewestInFamily holds", Expire(newest).GetProperty("next").GetString(), StringComparison.Ordinal);

        Assert.Equal("true", kept.GetProperty("tags").GetProperty("ami-lifecycle:keep").GetString());
        Assert.True(Holds(Expire(kept), "KeepTag"));
        Assert.Equal("keep", Expire(kept).GetProperty("action").GetString());

        Assert.Equal("Deregister", Expire(expiring).GetProperty("action").GetString());
        Assert.Contains(Expire(expiring).GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("OlderThanRetention: ", StringComparison.Ordinal));
        Assert.StartsWith("would be deregistered", Expire(expiring).GetProperty("next").GetString(), StringComparison.Ordinal);
        Assert.Contains("Recycle Bin rules could not be read", expiring.GetProperty("recycleBin").GetString(), StringComparison.Ordinal);

        // Read-only: nothing was deprecated or deregistered.
        using var ec2 = moto.CreateEc2Client(Region);
        var after = await ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], IncludeDeprecated = true });
        Assert.Equal(_imageIds.Order(), after.Images.Select(i => i.ImageId).Order());
        Assert.All(after.Images, i => Assert.Null(i.DeprecationTime));
    }

    [Fact]
    public async Task Explain_MotoUnknownId_SaysNotFoundExplainsTheOthersAndExitsTwo()
    {
        var (run, images) = await ExplainAsync("ami-0123456789abcdef0", _imageIds[0]);

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Equal("not-found", images[0].GetProperty("status").GetString());
        Assert.Contains("Recycle Bin could not be listed", images[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("explained", images[1].GetProperty("status").GetString());
        Assert.Contains("ami-0123456789abcdef0 was not found", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_MotoWithImageReferencesOn_SaysTheInventoryIsIncompleteAndExitsOne()
    {
        var run = await CliRun.RunAsync(Environment, "explain", _imageIds[0], "--at", "+400d", "--set", "EXPIRE_OLDER_THAN_DAYS=30");

        Assert.Equal(ExitCodes.RunFailed, run.ExitCode);
        Assert.Contains("InventoryIncomplete", run.Out, StringComparison.Ordinal);
        Assert.Contains("ImageReferences Failed", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_MotoCsv_RoundTripsWithOneRowPerImage()
    {
        var run = await CliRun.RunAsync(Environment, ["plan", "--all", "--output", "csv", .. Settings]);
        var records = RfcCsv.Parse(run.Out);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(_imageIds.Order(), records.Skip(1).Select(r => r[1]).Order());
        Assert.Equal("InUse", records.Single(r => r[1] == _imageIds[3])[12]);
        Assert.Equal("KeepTag", records.Single(r => r[1] == _imageIds[1])[12]);
        Assert.Equal("Deregister", records.Single(r => r[1] == _imageIds[0])[11]);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    public async Task Explain_MotoNarrowTerminal_NoIdIsSplit(int columns)
    {
        var run = await CliAtWidth.RunAsync(columns, Environment, ["explain", .. _imageIds, .. Settings]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        CliAtWidth.AssertFits(run.Out, columns, _imageIds);
    }
}
