using System.Globalization;
using System.Text.Json;
using AmiAutomation.TestKit.Moto;
using Amazon.EC2.Model;

namespace AmiAutomation.Cli.Tests.Planning;

[Collection("moto")]
public sealed class PlanCommandTests(MotoServerFixture moto) : IAsyncLifetime
{
    private const string Region = "eu-west-3";
    private readonly List<string> _imageIds = [];

    private Dictionary<string, string> Environment => new()
    {
        ["AWS_ENDPOINT_URL_EC2"] = moto.ServiceUrl,
        ["AWS_ENDPOINT_URL_AUTO_SCALING"] = moto.ServiceUrl, // the inventory reads launch configurations too
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
            // moto stamps creation times to the second: distinct times make "newest K" independent of tie-breaking.
            await Task.Delay(TimeSpan.FromSeconds(1.1));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Plan_MotoLacksImageReferences_ShowsTheSourceFailedAndPlansNothing()
    {
        var run = await CliRun.RunAsync(Environment, "plan", "--at", "+400d", "--set", "EXPIRE_OLDER_THAN_DAYS=30", "--json");
        using var document = JsonDocument.Parse(run.Out);
        var region = document.RootElement.GetProperty("regions")[0];
        var sources = region.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("source").GetString()!, s => s.GetProperty("status").GetString());
        var functions = region.GetProperty("functions").EnumerateArray().ToDictionary(f => f.GetProperty("function").GetString()!);

        Assert.Equal(ExitCodes.RunFailed, run.ExitCode);
        Assert.Contains("fail closed", run.Error, StringComparison.Ordinal);
        Assert.Equal("Failed", sources["ImageReferences"]);
        Assert.Equal("Complete", sources["Images"]);
        Assert.False(region.GetProperty("inventoryComplete").GetBoolean());
        Assert.Equal(5, region.GetProperty("images").GetInt32());
        foreach (var name in new[] { "deprecate", "expire" })
        {
            Assert.Equal(0, functions[name].GetProperty("actions").GetInt32());
            Assert.Equal(0, functions[name].GetProperty("destructive").GetInt32());
            Assert.True(functions[name].GetProperty("counts").GetProperty("None").GetProperty("InventoryIncomplete").GetInt32() > 0);
        }
    }

    [Fact]
    public async Task Plan_ImageReferencesSwitchedOff_PlansWithReasonsAndChangesNothing()
    {
        var run = await CliRun.RunAsync(Environment, "plan", "--at", "+400d", "--json",
            "--set", "DISABLED_REFERENCE_SOURCES=ImageReferences", "--set", "EXPIRE_OLDER_THAN_DAYS=30", "--set", "EXPIRE_KEEP_NEWEST=2");
        using var document = JsonDocument.Parse(run.Out);
        var functions = document.RootElement.GetProperty("regions")[0].GetProperty("functions").EnumerateArray()
            .ToDictionary(f => f.GetProperty("function").GetString()!);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.True(functions["deprecate"].GetProperty("actions").GetInt32() > 0);
        Assert.Equal(3, functions["expire"].GetProperty("destructive").GetInt32());
        Assert.All(functions["expire"].GetProperty("decisions").EnumerateArray(), d =>
        {
            Assert.Equal("Deregister", d.GetProperty("action").GetString());
            Assert.NotEmpty(d.GetProperty("reasons").EnumerateArray());
        });
        using var ec2 = moto.CreateEc2Client(Region);
        var images = await ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], IncludeDeprecated = true });
        Assert.Equal(_imageIds.Order(), images.Images.Select(i => i.ImageId).Order());
        Assert.All(images.Images, i => Assert.Null(i.DeprecationTime));
    }

    private const string EveryReferenceSource = "DISABLED_REFERENCE_SOURCES=Instances,LaunchTemplates,ImageReferences,LaunchConfigurations,SpotRequests,SpotFleets";

    [Fact]
    public async Task Plan_EveryReferenceSourceOffWithoutAcknowledgement_RefusedNamingTheSetting()
    {
        var run = await CliRun.RunAsync(Environment, "plan", "--set", EveryReferenceSource);

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("switches off every reference source", run.Error, StringComparison.Ordinal);
        Assert.Contains("ACKNOWLEDGE_NO_IN_USE_CHECK=true", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_EveryReferenceSourceOffAcknowledged_SaysNoInUseCheck()
    {
        var json = await CliRun.RunAsync(Environment, "plan", "--json", "--set", EveryReferenceSource, "--set", "ACKNOWLEDGE_NO_IN_USE_CHECK=true");
        var text = await CliRun.RunAsync(Environment, "plan", "--function", "expire", "--set", EveryReferenceSource, "--set", "ACKNOWLEDGE_NO_IN_USE_CHECK=true");

        Assert.Equal(ExitCodes.Ok, json.ExitCode);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Contains(document.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("no in-use check", StringComparison.Ordinal));
        Assert.Equal(ExitCodes.Ok, text.ExitCode);
        Assert.Contains("WARNING: no in-use check", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_Text_NamesTheFailedSource()
    {
        // Candidates first: only images a rule would act on have their references read, so make some due.
        var run = await CliRun.RunAsync(Environment, "plan", "--function", "expire", "--at", "+400d", "--set", "EXPIRE_OLDER_THAN_DAYS=30");

        Assert.Equal(ExitCodes.RunFailed, run.ExitCode);
        Assert.Contains("ImageReferences", run.Out, StringComparison.Ordinal);
        Assert.Contains("INCOMPLETE", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_NoImageDue_ReadsNoImageReferencesAndIsComplete()
    {
        // Nothing is due today under the defaults, so there is no candidate and moto's missing DescribeImageReferences is never called.
        var run = await CliRun.RunAsync(Environment, "plan", "--function", "expire", "--json");
        using var document = JsonDocument.Parse(run.Out);
        var region = document.RootElement.GetProperty("regions")[0];
        var references = region.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "ImageReferences");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.True(region.GetProperty("inventoryComplete").GetBoolean());
        Assert.Equal(0, references.GetProperty("calls").GetInt32());
        Assert.StartsWith("DescribeImageReferences read for 0 of 5 images", region.GetProperty("referenceCoverage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_UnknownRegion_ExitsTwo()
    {
        var environment = Environment;
        environment.Remove("AWS_ENDPOINT_URL_EC2");

        var run = await CliRun.RunAsync(environment, "plan", "--region", "us-east-9");

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("Unknown region 'us-east-9'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_BadEndpoint_ExitsThree()
    {
        var environment = Environment;
        environment["AWS_ENDPOINT_URL_EC2"] = "not a url";

        var run = await CliRun.RunAsync(environment, "plan");

        Assert.Equal(ExitCodes.AwsProblem, run.ExitCode);
        Assert.Contains("AWS_ENDPOINT_URL_EC2", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_UnreachableEndpoint_ExitsThree()
    {
        var environment = Environment;
        environment["AWS_ENDPOINT_URL_EC2"] = "http://127.0.0.1:9";

        var run = await CliRun.RunAsync(environment, "plan");

        Assert.Equal(ExitCodes.AwsProblem, run.ExitCode);
        Assert.Contains("Could not read the images", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_BadPolicyValue_ExitsTwoNamingTheVariable()
    {
        var run = await CliRun.RunAsync(Environment, "plan", "--set", "DEPRECATE_AFTER_DAYS=soon");

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("DEPRECATE_AFTER_DAYS", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_KeepUntilLastRepresentableDay_PlansTheRegionAndHoldsTheImage()
    {
        using var ec2 = moto.CreateEc2Client(Region);
        await ec2.CreateTagsAsync(new CreateTagsRequest
        {
            Resources = [_imageIds[0]],
            Tags = [new Tag("ami-lifecycle:keep-until", "9999-12-31"), new Tag("ami-lifecycle:expires-at", "9999-12-31")],
        });

        var run = await CliRun.RunAsync(Environment, "plan", "--at", "+400d", "--json",
            "--set", "DISABLED_REFERENCE_SOURCES=ImageReferences", "--set", "EXPIRE_OLDER_THAN_DAYS=30", "--set", "EXPIRE_KEEP_NEWEST=2");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var expire = document.RootElement.GetProperty("regions")[0].GetProperty("functions").EnumerateArray()
            .Single(f => f.GetProperty("function").GetString() == "expire");
        Assert.Equal(2, expire.GetProperty("destructive").GetInt32());
        Assert.Equal(1, expire.GetProperty("counts").GetProperty("None").GetProperty("HeldUntil").GetInt32());
    }
}
