using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Regions;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Tests.Clients;

public sealed class AwsClientOptionsTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void FromEnvironment_ServiceSpecificWinsOverGeneral()
    {
        var options = AwsClientOptions.FromEnvironment(Env(
            ("AWS_ENDPOINT_URL", "http://general:1"),
            ("AWS_ENDPOINT_URL_EC2", "http://ec2:2")));

        Assert.Equal(new Uri("http://ec2:2"), options.Ec2EndpointUrl);
        Assert.Equal(new Uri("http://general:1"), options.DynamoDbEndpointUrl);
    }

    [Fact]
    public void FromEnvironment_AutoScalingAndRbinSpecific_WinOverGeneral()
    {
        var options = AwsClientOptions.FromEnvironment(Env(
            ("AWS_ENDPOINT_URL", "http://general:1"),
            ("AWS_ENDPOINT_URL_AUTO_SCALING", "http://asg:4"),
            ("AWS_ENDPOINT_URL_RBIN", "http://rbin:5")));

        Assert.Equal(new Uri("http://asg:4"), options.AutoScalingEndpointUrl);
        Assert.Equal(new Uri("http://rbin:5"), options.RecycleBinEndpointUrl);
        Assert.Equal(new Uri("http://general:1"), options.Ec2EndpointUrl);
    }

    [Fact]
    public void FromEnvironment_GeneralOnly_AppliesToAutoScalingAndRbin()
    {
        var options = AwsClientOptions.FromEnvironment(Env(("AWS_ENDPOINT_URL", "http://general:1")));

        Assert.Equal(new Uri("http://general:1"), options.AutoScalingEndpointUrl);
        Assert.Equal(new Uri("http://general:1"), options.RecycleBinEndpointUrl);
    }

    [Theory]
    [InlineData("AWS_ENDPOINT_URL_AUTO_SCALING")]
    [InlineData("AWS_ENDPOINT_URL_RBIN")]
    public void FromEnvironment_BadServiceUrl_ThrowsNamingTheVariable(string variable)
    {
        var ex = Assert.Throws<InvalidEndpointUrlException>(() => AwsClientOptions.FromEnvironment(Env((variable, "rbin:443"))));

        Assert.Equal(variable, ex.SettingName);
    }

    [Fact]
    public void FromEnvironment_DynamoDbSpecific_Used()
    {
        var options = AwsClientOptions.FromEnvironment(Env(("AWS_ENDPOINT_URL_DYNAMODB", "https://ddb:3")));

        Assert.Null(options.Ec2EndpointUrl);
        Assert.Equal(new Uri("https://ddb:3"), options.DynamoDbEndpointUrl);
    }

    [Fact]
    public void FromEnvironment_NothingSet_RealEndpointsAndSafeDefaults()
    {
        var options = AwsClientOptions.FromEnvironment(Env(("AWS_ENDPOINT_URL_EC2", "  ")));

        Assert.Null(options.Ec2EndpointUrl);
        Assert.Null(options.DynamoDbEndpointUrl);
        Assert.Equal(RequestRetryMode.Standard, options.RetryMode);
        Assert.Equal(5, options.MaxErrorRetry);
    }

    [Theory]
    [InlineData("localhost:5000")]
    [InlineData("ftp://host")]
    [InlineData("not a url")]
    public void FromEnvironment_BadUrl_ThrowsNamingTheVariable(string value)
    {
        var ex = Assert.Throws<InvalidEndpointUrlException>(() => AwsClientOptions.FromEnvironment(Env(("AWS_ENDPOINT_URL_EC2", value))));

        Assert.Equal("AWS_ENDPOINT_URL_EC2", ex.SettingName);
        Assert.Contains("AWS_ENDPOINT_URL_EC2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ec2CreateConfig_WithEndpoint_SignsForTheRegion()
    {
        var config = Ec2ClientFactory.CreateConfig("eu-west-2", new AwsClientOptions { Ec2EndpointUrl = new Uri("http://127.0.0.1:5000"), MaxErrorRetry = 0 });

        Assert.StartsWith("http://127.0.0.1:5000", config.ServiceURL, StringComparison.Ordinal);
        Assert.Equal("eu-west-2", config.AuthenticationRegion);
        Assert.Equal(0, config.MaxErrorRetry);
        Assert.Equal(RequestRetryMode.Standard, config.RetryMode);
    }

    [Fact]
    public void Ec2CreateConfig_WithoutEndpoint_UsesRegionEndpoint()
    {
        var config = Ec2ClientFactory.CreateConfig("ap-south-1", new AwsClientOptions());

        Assert.Equal("ap-south-1", config.RegionEndpoint?.SystemName);
        Assert.Equal(5, config.MaxErrorRetry);
    }

    [Fact]
    public void DynamoDbCreateConfig_WithEndpoint_SignsForTheRegion()
    {
        var config = DynamoDbClientFactory.CreateConfig("us-west-2", new AwsClientOptions { DynamoDbEndpointUrl = new Uri("http://127.0.0.1:5001") });

        Assert.StartsWith("http://127.0.0.1:5001", config.ServiceURL, StringComparison.Ordinal);
        Assert.Equal("us-west-2", config.AuthenticationRegion);
    }

    [Fact]
    public void ForRegion_SameRegion_SameClient_OtherRegion_OtherClient()
    {
        using var factory = new Ec2ClientFactory(new AwsClientOptions
        {
            Ec2EndpointUrl = new Uri("http://127.0.0.1:1"),
            Credentials = new BasicAWSCredentials("test", "test"),
        });

        var first = factory.ForRegion("us-east-1");

        Assert.Same(first, factory.ForRegion("us-east-1"));
        Assert.NotSame(first, factory.ForRegion("eu-west-1"));
    }

    [Fact]
    public void ForRegion_InvalidRegion_Throws()
    {
        using var factory = new Ec2ClientFactory(new AwsClientOptions { Credentials = new BasicAWSCredentials("test", "test") });

        Assert.Throws<InvalidRegionException>(() => factory.ForRegion("moon-1"));
    }
}
