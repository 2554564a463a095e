using System.Globalization;
using System.Text.Json;
using AmiAutomation.Aws.Errors;
using AmiAutomation.Cli.Tests.Hosting;
using AmiAutomation.Functions.Common;
using AmiAutomation.TestKit.Moto;
using Amazon.EC2.Model;

namespace AmiAutomation.Cli.Tests.Aws;

/// <summary>The AWS CLI's habits against moto_server: --profile (credentials and region from the profile),
/// AWS_PROFILE, --endpoint-url for every service, --region repeated or comma-separated, and the emulator hint.</summary>
[Collection("moto")]
public sealed class AwsConventionsTests(MotoServerFixture moto) : IAsyncLifetime
{
    private const string Region = "eu-west-3";
    private const string Other = "eu-west-2";
    private const string SwitchOff = "DISABLED_REFERENCE_SOURCES=ImageReferences";

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        // Two images of one family in Region: with DEPRECATE_WHEN_NEWER_COUNT=1 the older is a candidate, so its
        // references are read (DescribeImageReferences, which moto lacks).
        foreach (var (region, month) in new[] { (Region, 1), (Other, 1), (Region, 2) })
        {
            using var ec2 = moto.CreateEc2Client(region);
            await ec2.RegisterImageAsync(new RegisterImageRequest
            {
                Name = string.Create(CultureInfo.InvariantCulture, $"web-2024.0{month}.01"),
                RootDeviceName = "/dev/xvda",
                BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = "/dev/xvda", Ebs = new EbsBlockDevice { VolumeSize = 8 } }],
            });
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Dictionary<string, string> Moto => new()
    {
        ["AWS_ENDPOINT_URL"] = moto.ServiceUrl,
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
        ["AWS_REGION"] = Region,
        ["AWS_MAX_ATTEMPTS"] = "1",
    };

    [Fact]
    public async Task Plan_ProfileFlag_TakesKeysAndRegionFromTheProfileOverTheEnvironmentsKeys()
    {
        using var credentials = CliHarness.Temp($"[moto-dev]\naws_access_key_id = test\naws_secret_access_key = test\nregion = {Other}\n", ".ini");
        var environment = new Dictionary<string, string>
        {
            ["AWS_SHARED_CREDENTIALS_FILE"] = credentials.Path,
            ["AWS_ENDPOINT_URL"] = moto.ServiceUrl,
            ["AWS_MAX_ATTEMPTS"] = "1",
            // Broken keys in the environment: --profile must win over them, as in the AWS CLI.
            ["AWS_ACCESS_KEY_ID"] = "AKIA-broken",
        };

        var run = await CliRun.RunAsync(environment, "plan", "--profile", "moto-dev", "--set", SwitchOff, "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Equal([Other], Regions(run));
    }

    [Fact]
    public async Task Plan_AwsProfileVariable_UsesThatProfile()
    {
        using var credentials = CliHarness.Temp($"[moto-env]\naws_access_key_id = test\naws_secret_access_key = test\nregion = {Region}\n", ".ini");
        var environment = new Dictionary<string, string>
        {
            ["AWS_SHARED_CREDENTIALS_FILE"] = credentials.Path,
            ["AWS_PROFILE"] = "moto-env",
            ["AWS_ENDPOINT_URL"] = moto.ServiceUrl,
            ["AWS_MAX_ATTEMPTS"] = "1",
        };

        var run = await CliRun.RunAsync(environment, "plan", "--set", SwitchOff, "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Equal([Region], Regions(run));
    }

    [Fact]
    public async Task Plan_RegionFlagBeatsEnvironmentBeatsProfile()
    {
        using var credentials = CliHarness.Temp($"[moto-r]\naws_access_key_id = test\naws_secret_access_key = test\nregion = {Other}\n", ".ini");
        var environment = new Dictionary<string, string>
        {
            ["AWS_SHARED_CREDENTIALS_FILE"] = credentials.Path,
            ["AWS_PROFILE"] = "moto-r",
            ["AWS_DEFAULT_REGION"] = Region,
            ["AWS_ENDPOINT_URL"] = moto.ServiceUrl,
            ["AWS_MAX_ATTEMPTS"] = "1",
        };

        var fromEnvironment = await CliRun.RunAsync(environment, "plan", "--set", SwitchOff, "--json");
        var fromFlag = await CliRun.RunAsync(environment, "plan", "--region", Other, "--set", SwitchOff, "--json");

        Assert.Equal([Region], Regions(fromEnvironment));
        Assert.Equal([Other], Regions(fromFlag));
    }

    [Fact]
    public async Task Plan_SsoProfileWithoutLogin_ExitsThreeSayingSsoLogin()
    {
        using var credentials = CliHarness.Temp(
            "[sso-dev]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 123456789012\n"
            + $"sso_role_name = ReadOnly\nregion = {Region}\n",
            ".ini");
        var environment = new Dictionary<string, string>
        {
            ["AWS_SHARED_CREDENTIALS_FILE"] = credentials.Path,
            ["AWS_ENDPOINT_URL"] = moto.ServiceUrl,
        };

        var run = await CliRun.RunAsync(environment, "plan", "--profile", "sso-dev");

        Assert.Equal(ExitCodes.AwsProblem, run.ExitCode);
        Assert.Contains("aws sso login --profile sso-dev", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-r", "eu-west-3,eu-west-2")]
    [InlineData("--region", "eu-west-3, eu-west-2,eu-west-3")]
    [InlineData("--regions", "eu-west-3,eu-west-2")]
    public async Task Plan_RegionsCommaSeparatedOrAlias_PlansEach(string option, string value)
    {
        var run = await CliRun.RunAsync(Moto, "plan", option, value, "--set", SwitchOff, "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Equal([Region, Other], Regions(run));
    }

    [Fact]
    public async Task Plan_RegionRepeatedAndMixed_PlansEachOnce()
    {
        var run = await CliRun.RunAsync(Moto, "plan", "-r", Region, "--region", $"{Other},{Region}", "--set", SwitchOff, "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Equal([Region, Other], Regions(run));
    }

    [Fact]
    public async Task Plan_EndpointUrlFlag_ReachesMotoWithoutAnyEndpointVariable()
    {
        var environment = Moto;
        environment.Remove("AWS_ENDPOINT_URL");
        environment["AWS_ENDPOINT_URL_EC2"] = "http://127.0.0.1:9"; // the flag wins over the service variable too

        var run = await CliRun.RunAsync(environment, "plan", "--endpoint-url", moto.ServiceUrl, "--set", SwitchOff, "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Equal([Region], Regions(run));
    }

    [Fact]
    public async Task Plan_EmulatorWithoutImageReferences_NamesTheSettingNotTheHtmlPage()
    {
        var run = await CliRun.RunAsync(Moto, "plan", "--json", "--set", "DEPRECATE_WHEN_NEWER_COUNT=1", "--set", "DEPRECATE_KEEP_NEWEST=1");
        using var document = JsonDocument.Parse(run.Out);
        var source = document.RootElement.GetProperty("regions")[0].GetProperty("sources").EnumerateArray()
            .Single(s => s.GetProperty("source").GetString() == "ImageReferences");
        var error = source.GetProperty("error").GetString()!;

        Assert.Equal(ExitCodes.RunFailed, run.ExitCode);
        Assert.Contains($"--set {SwitchOff}", error, StringComparison.Ordinal);
        Assert.Contains("never against a real account", error, StringComparison.Ordinal);
        Assert.DoesNotContain("<", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnimplementedCall_NamesTheFunctionsSetting()
    {
        Assert.Equal(CommonSettings.DisabledReferenceSourcesVariable, UnimplementedCall.DisabledSourcesSetting);
    }

    [Fact]
    public async Task Set_UnknownName_ExitsTwoSuggestingTheClosest()
    {
        var run = await CliRun.RunAsync(Moto, "plan", "--set", "EXPIRE_KEEP_NEWSET=0");

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("did you mean EXPIRE_KEEP_NEWEST?", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    private static List<string> Regions(CliRun run)
    {
        using var document = JsonDocument.Parse(run.Out);
        return document.RootElement.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("region").GetString()!).ToList();
    }
}
