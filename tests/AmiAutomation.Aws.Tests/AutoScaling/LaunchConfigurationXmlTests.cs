using System.Xml;
using AmiAutomation.Aws.AutoScaling;

namespace AmiAutomation.Aws.Tests.AutoScaling;

public sealed class LaunchConfigurationXmlTests
{
    private const string Ns = "http://autoscaling.amazonaws.com/doc/2011-01-01/";

    [Fact]
    public void Parse_MembersWithNestedLists_OnlyTheMembersOwnFieldsCount()
    {
        var xml = $"""
            <DescribeLaunchConfigurationsResponse xmlns="{Ns}">
              <DescribeLaunchConfigurationsResult>
                <LaunchConfigurations>
                  <member>
                    <SecurityGroups><member>sg-1</member><member>sg-2</member></SecurityGroups>
                    <BlockDeviceMappings>
                      <member><DeviceName>/dev/xvda</DeviceName><Ebs><SnapshotId>snap-1</SnapshotId></Ebs></member>
                    </BlockDeviceMappings>
                    <Extra><ImageId>ami-not-this-one</ImageId><LaunchConfigurationName>nor-this</LaunchConfigurationName></Extra>
                    <LaunchConfigurationName>web-v1</LaunchConfigurationName>
                    <ImageId>ami-0123456789abcdef0</ImageId>
                  </member>
                  <member><LaunchConfigurationName>no-image</LaunchConfigurationName><ImageId/></member>
                </LaunchConfigurations>
                <NextToken>token+/==</NextToken>
              </DescribeLaunchConfigurationsResult>
              <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
            </DescribeLaunchConfigurationsResponse>
            """;

        var page = LaunchConfigurationXml.Parse(xml);

        Assert.Equal([new LaunchConfigurationInfo("web-v1", "ami-0123456789abcdef0"), new LaunchConfigurationInfo("no-image", null)], page.LaunchConfigurations);
        Assert.Equal("token+/==", page.NextToken);
    }

    [Theory]
    [InlineData("<LaunchConfigurations/>")]
    [InlineData("<LaunchConfigurations></LaunchConfigurations><NextToken></NextToken>")]
    [InlineData("")]
    public void Parse_NoConfigurations_EmptyLastPage(string content)
    {
        var page = LaunchConfigurationXml.Parse(
            $"<DescribeLaunchConfigurationsResponse xmlns=\"{Ns}\"><DescribeLaunchConfigurationsResult>{content}</DescribeLaunchConfigurationsResult></DescribeLaunchConfigurationsResponse>");

        Assert.Empty(page.LaunchConfigurations);
        Assert.Null(page.NextToken);
    }

    [Theory]
    [InlineData("<DescribeAutoScalingGroupsResponse><DescribeAutoScalingGroupsResult/></DescribeAutoScalingGroupsResponse>", "DescribeLaunchConfigurationsResponse")]
    [InlineData("<DescribeLaunchConfigurationsResponse><ResponseMetadata/></DescribeLaunchConfigurationsResponse>", "DescribeLaunchConfigurationsResult")]
    [InlineData("<DescribeLaunchConfigurationsResponse><DescribeLaunchConfigurationsResult><LaunchConfigurations><member><ImageId>ami-1</ImageId></member></LaunchConfigurations></DescribeLaunchConfigurationsResult></DescribeLaunchConfigurationsResponse>", "no LaunchConfigurationName")]
    public void Parse_WrongShape_FormatExceptionSaysWhat(string xml, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => LaunchConfigurationXml.Parse(xml));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"LaunchConfigurations\":[]}")]
    [InlineData("<DescribeLaunchConfigurationsResponse><DescribeLaunchConfigurationsResult>")]
    public void Parse_NotXml_XmlException(string body) =>
        Assert.ThrowsAny<XmlException>(() => LaunchConfigurationXml.Parse(body));
}
