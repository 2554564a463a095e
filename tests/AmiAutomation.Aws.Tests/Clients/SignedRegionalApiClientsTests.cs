using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Regions;
using AmiAutomation.Aws.Tests.SignedApi;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Restorability;

namespace AmiAutomation.Aws.Tests.Clients;

public sealed class SignedRegionalApiClientsTests
{
    [Fact]
    public void Clients_CachedPerRegionAndService()
    {
        using var apis = new SignedRegionalApiClients(new AwsClientOptions());

        Assert.Same(apis.AutoScaling("eu-west-1"), apis.AutoScaling("eu-west-1"));
        Assert.NotSame(apis.AutoScaling("eu-west-1"), apis.AutoScaling("eu-west-2"));
        Assert.Same(apis.RecycleBinRules("us-east-1"), apis.RecycleBinRules("us-east-1"));
        Assert.NotSame(apis.RecycleBinRules("us-east-1"), apis.RecycleBinRules("us-gov-west-1"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("EU-WEST-1")]
    [InlineData("eu-west-1.evil.example")]
    [InlineData("https://rbin.eu-west-1.amazonaws.com")]
    public void Clients_NotARegionName_InvalidRegionException(string region)
    {
        using var apis = new SignedRegionalApiClients(new AwsClientOptions());

        Assert.Throws<InvalidRegionException>(() => apis.AutoScaling(region));
        Assert.Throws<InvalidRegionException>(() => apis.RecycleBinRules(region));
    }

    [Fact]
    public void Clients_AfterDispose_ObjectDisposedException()
    {
        var apis = new SignedRegionalApiClients(new AwsClientOptions());
        apis.Dispose();

        Assert.Throws<ObjectDisposedException>(() => apis.AutoScaling("eu-west-1"));
        Assert.Throws<ObjectDisposedException>(() => apis.RecycleBinRules("eu-west-1"));
    }

    [Fact]
    public async Task RecycleBinRules_EndpointOverride_EachRegionsClientSignsForItsRegion()
    {
        using var server = new FakeAwsServer((_, _) => FakeAwsResponse.Json("""{"Rules":[]}"""));
        var options = new AwsClientOptions { RecycleBinEndpointUrl = server.Url, AutoScalingEndpointUrl = new Uri("http://127.0.0.1:9") };
        using var apis = new SignedRegionalApiClients(options, SignedTestSettings.Create());

        await apis.RecycleBinRules("eu-north-1").ListRulesAsync(RetentionResourceType.Ec2Image, null, CancellationToken.None);
        await apis.RecycleBinRules("sa-east-1").ListRulesAsync(RetentionResourceType.Ec2Image, null, CancellationToken.None);

        Assert.Equal(["eu-north-1/rbin", "sa-east-1/rbin"], server.Requests.Select(r => string.Join('/', r.CredentialScope!.Split('/')[1..3])));
    }
}
