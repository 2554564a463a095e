using System.Text.Json;
using AmiAutomation.TestKit.Moto;
using Amazon.EC2.Model;

namespace AmiAutomation.Cli.Tests.Planning;

/// <summary>
/// <c>plan</c> shows every image's family, and the family rule keeps OS lines apart (issue 13 item 4): the last
/// <c>centos-7.9</c> image is not expired because <c>centos-8.x</c> images are newer.
/// </summary>
[Collection("moto")]
public sealed class PlanFamiliesTests(MotoServerFixture moto) : IAsyncLifetime
{
    private const string Region = "eu-west-3";
    private static readonly string[] Names = ["centos-7.9", "centos-8.4", "centos-8.5", "myapp-1.2.3-20240101-build7", "myapp-1.2.4-20240102-build8"];
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

    private Dictionary<string, string> Environment => new()
    {
        ["AWS_ENDPOINT_URL_EC2"] = moto.ServiceUrl,
        ["AWS_ENDPOINT_URL_AUTO_SCALING"] = moto.ServiceUrl,
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
        ["AWS_REGION"] = Region,
        ["AWS_MAX_ATTEMPTS"] = "1",
    };

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        using var ec2 = moto.CreateEc2Client(Region);
        foreach (var name in Names)
        {
            var response = await ec2.RegisterImageAsync(new RegisterImageRequest
            {
                Name = name,
                RootDeviceName = "/dev/xvda",
                BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = "/dev/xvda", Ebs = new EbsBlockDevice { VolumeSize = 8 } }],
            });
            _ids[name] = response.ImageId;
            // moto stamps creation times to the second: distinct times make "newest K" independent of tie-breaking.
            await Task.Delay(TimeSpan.FromSeconds(1.1));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Plan_Json_ListsEveryImageUnderItsFamily()
    {
        var run = await PlanAsync("--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var families = document.RootElement.GetProperty("regions")[0].GetProperty("families").EnumerateArray()
            .ToDictionary(f => f.GetProperty("family").GetString()!, f => f.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("imageId").GetString()!).ToList());
        Assert.Equal(["centos-7", "centos-8", "myapp-1"], families.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([_ids["centos-7.9"]], families["centos-7"]);
        Assert.Equal([_ids["centos-8.5"], _ids["centos-8.4"]], families["centos-8"]);
        Assert.Equal([_ids["myapp-1.2.4-20240102-build8"], _ids["myapp-1.2.3-20240101-build7"]], families["myapp-1"]);
    }

    [Fact]
    public async Task Plan_Json_LastImageOfAnOsLineIsNotExpiredForANewerLine()
    {
        var run = await PlanAsync("--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var expire = document.RootElement.GetProperty("regions")[0].GetProperty("functions").EnumerateArray()
            .Single(f => f.GetProperty("function").GetString() == "expire");
        var deregistered = expire.GetProperty("decisions").EnumerateArray()
            .Where(d => d.GetProperty("action").GetString() == "Deregister")
            .ToDictionary(d => d.GetProperty("imageId").GetString()!, d => d.GetProperty("family").GetString());
        Assert.DoesNotContain(_ids["centos-7.9"], deregistered.Keys);
        Assert.Equal("centos-8", deregistered[_ids["centos-8.4"]]);
        Assert.Equal("myapp-1", deregistered[_ids["myapp-1.2.3-20240101-build7"]]);
    }

    [Fact]
    public async Task Plan_Text_ShowsAFamiliesTable()
    {
        var run = await PlanAsync();

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var row = run.Out.Split('\n').Single(l => l.Contains("centos-8.5", StringComparison.Ordinal) && l.Contains("centos-8.4", StringComparison.Ordinal));
        Assert.Contains("centos-8 ", row, StringComparison.Ordinal);
        Assert.Contains(" 2 ", row, StringComparison.Ordinal);
        Assert.Contains(run.Out.Split('\n'), l => l.Contains("centos-7 ", StringComparison.Ordinal) && l.Contains(_ids["centos-7.9"], StringComparison.Ordinal));
    }

    private Task<CliRun> PlanAsync(params string[] extra) =>
        CliRun.RunAsync(Environment, [
            "plan", "--function", "expire", "--at", "+400d",
            "--set", "DISABLED_REFERENCE_SOURCES=ImageReferences", "--set", "EXPIRE_OLDER_THAN_DAYS=30", "--set", "EXPIRE_KEEP_NEWEST=1",
            .. extra]);
}
