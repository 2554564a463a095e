using System.Globalization;
using System.Net;
using AmiAutomation.Aws.AutoScaling;
using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.SignedApi;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.TestKit.Moto;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Tests.AutoScaling;

/// <summary>
/// The production Auto Scaling client against moto_server through <see cref="SignedRegionalApiClients"/> (endpoint
/// override, signed for the region). Launch configurations are created with our own signed client
/// (CreateLaunchConfiguration). moto 5.2 does not validate MaxRecords (a non-number is a code-less HTML 500).
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class SignedAutoScalingClientMotoTests(MotoServerFixture moto) : IAsyncLifetime, IDisposable
{
    private const string Region = "eu-west-2";
    private SignedRegionalApiClients? _apis;

    private SignedRegionalApiClients Apis => _apis!;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        _apis = new SignedRegionalApiClients(moto.ClientOptions());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _apis?.Dispose();

    [Fact]
    public async Task DescribeLaunchConfigurationsAsync_230Configurations_ThreePagesWithEveryNameAndImage()
    {
        var expected = Enumerable.Range(0, 230).ToDictionary(
            i => $"lc-{i:D3}{(i % 7 == 0 ? " with space+plus/slash" : string.Empty)}",
            i => $"ami-{i:x17}");
        await Parallel.ForEachAsync(expected, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (pair, ct) =>
            await CreateAsync(Region, pair.Key, pair.Value, ct));
        await CreateAsync("us-east-1", "other-region", "ami-00000000000000fff", CancellationToken.None);

        var client = Apis.AutoScaling(Region);
        var pages = new List<LaunchConfigurationPage>();
        string? token = null;
        do
        {
            var page = await client.DescribeLaunchConfigurationsAsync(token, SignedAutoScalingClient.MaxRecordsLimit, CancellationToken.None);
            pages.Add(page);
            token = page.NextToken;
        }
        while (token is not null && pages.Count < 10);

        Assert.Equal([100, 100, 30], pages.Select(p => p.LaunchConfigurations.Count));
        var read = pages.SelectMany(p => p.LaunchConfigurations).ToList();
        Assert.Equal(230, read.Select(c => c.Name).Distinct().Count());
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), read.Select(c => new KeyValuePair<string, string>(c.Name, c.ImageId!)).OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task DescribeLaunchConfigurationsAsync_OtherRegionsConfigurations_NotListed()
    {
        await CreateAsync("us-east-1", "east-only", "ami-0000000000000000e", CancellationToken.None);

        var page = await Apis.AutoScaling(Region).DescribeLaunchConfigurationsAsync(null, 100, CancellationToken.None);

        Assert.Empty(page.LaunchConfigurations);
        Assert.Null(page.NextToken);
    }

    [Fact]
    public async Task SendAsync_ValidationErrorAnswer_AmazonServiceExceptionWithCodeStatusAndRequestId()
    {
        var request = SignedAutoScalingClient.QueryRequest("CreateLaunchConfiguration", [new("LaunchConfigurationName", "no-image")]);

        var ex = await Assert.ThrowsAsync<AmazonServiceException>(() => Raw(Region).SendAsync(request, CancellationToken.None));

        Assert.Equal("ValidationError", ex.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.False(string.IsNullOrEmpty(ex.RequestId));
        Assert.StartsWith("ValidationError: Auto Scaling CreateLaunchConfiguration: Valid requests must contain", Ec2ErrorCodes.Describe(ex), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_BadMaxRecords_CodelessServerErrorSurfacesAsAmazonServiceException()
    {
        var request = SignedAutoScalingClient.QueryRequest("DescribeLaunchConfigurations", [new("MaxRecords", "abc")]);

        var ex = await Assert.ThrowsAsync<AmazonServiceException>(() => Raw(Region).SendAsync(request, CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.StartsWith("HTTP500 (no error code: the endpoint may not implement this call)", Ec2ErrorCodes.Describe(ex), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecycleBinRules_MotoHasNoRbin_FailsAsAmazonServiceException()
    {
        var ex = await Assert.ThrowsAsync<AmazonServiceException>(() =>
            Apis.RecycleBinRules(Region).ListRulesAsync(Core.Restorability.RetentionResourceType.Ec2Image, null, CancellationToken.None));

        Assert.True((int)ex.StatusCode >= 400, ex.Message);
    }

    [Fact]
    public async Task DescribeAutoScalingGroupAsync_LaunchConfigurationGroupAndUnknownName_ConfigurationNamedAndNull()
    {
        await CreateAsync(Region, "web-lc", "ami-0123456789abcdef0", CancellationToken.None);
        await Raw(Region).SendAsync(SignedAutoScalingClient.QueryRequest("CreateAutoScalingGroup",
        [
            new("AutoScalingGroupName", "web asg+1"),
            new("LaunchConfigurationName", "web-lc"),
            new("MinSize", "0"),
            new("MaxSize", "1"),
            new("AvailabilityZones.member.1", Region + "a"),
        ]), CancellationToken.None);

        var group = await Apis.AutoScaling(Region).DescribeAutoScalingGroupAsync("web asg+1", CancellationToken.None);
        var unknown = await Apis.AutoScaling(Region).DescribeAutoScalingGroupAsync("no-such-group", CancellationToken.None);

        Assert.Equal("web asg+1", group?.Name);
        Assert.Equal("web-lc", group?.LaunchConfigurationName);
        Assert.Empty(group!.LaunchTemplates);
        Assert.Null(unknown);
    }

    private SignedAwsClient Raw(string region) => Apis.Client(AwsService.AutoScaling, region, Apis.Options.AutoScalingEndpointUrl);

    private async Task CreateAsync(string region, string name, string imageId, CancellationToken cancellationToken)
    {
        var request = SignedAutoScalingClient.QueryRequest("CreateLaunchConfiguration",
        [
            new("LaunchConfigurationName", name),
            new("ImageId", imageId),
            new("InstanceType", "t3.micro"),
            new("BlockDeviceMappings.member.1.DeviceName", "/dev/xvda"),
            new("BlockDeviceMappings.member.1.Ebs.VolumeSize", 8.ToString(CultureInfo.InvariantCulture)),
        ]);
        await Raw(region).SendAsync(request, cancellationToken);
    }
}
