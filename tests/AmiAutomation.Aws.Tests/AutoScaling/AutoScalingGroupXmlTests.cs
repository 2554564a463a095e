using AmiAutomation.Aws.AutoScaling;
using AmiAutomation.Core.OnDemand;

namespace AmiAutomation.Aws.Tests.AutoScaling;

public sealed class AutoScalingGroupXmlTests
{
    private const string Ns = "http://autoscaling.amazonaws.com/doc/2011-01-01/";

    [Fact]
    public void Parse_MixedInstancesPolicy_TemplateAndOverrideTemplatesInOrder()
    {
        var xml = $"""
            <DescribeAutoScalingGroupsResponse xmlns="{Ns}">
              <DescribeAutoScalingGroupsResult>
                <AutoScalingGroups>
                  <member>
                    <AutoScalingGroupName>web-asg</AutoScalingGroupName>
                    <Instances><member><LaunchTemplate><LaunchTemplateId>lt-instance-not-this</LaunchTemplateId></LaunchTemplate></member></Instances>
                    <MixedInstancesPolicy>
                      <LaunchTemplate>
                        <LaunchTemplateSpecification><LaunchTemplateId>lt-0aaa</LaunchTemplateId><LaunchTemplateName>web</LaunchTemplateName><Version>$Latest</Version></LaunchTemplateSpecification>
                        <Overrides>
                          <member><InstanceType>c6i.large</InstanceType></member>
                          <member><InstanceType>c6g.large</InstanceType><LaunchTemplateSpecification><LaunchTemplateName>web-arm</LaunchTemplateName></LaunchTemplateSpecification></member>
                        </Overrides>
                      </LaunchTemplate>
                      <InstancesDistribution><OnDemandBaseCapacity>1</OnDemandBaseCapacity></InstancesDistribution>
                    </MixedInstancesPolicy>
                  </member>
                </AutoScalingGroups>
              </DescribeAutoScalingGroupsResult>
            </DescribeAutoScalingGroupsResponse>
            """;

        var group = AutoScalingGroupXml.Parse(xml);

        Assert.NotNull(group);
        Assert.Equal("web-asg", group.Name);
        Assert.Null(group.LaunchConfigurationName);
        Assert.Equal([new LaunchTemplateRef("lt-0aaa", "web", "$Latest"), new LaunchTemplateRef(null, "web-arm", null)], group.LaunchTemplates);
    }

    [Fact]
    public void Parse_LaunchConfigurationGroup_NameOnly()
    {
        var xml = $"""
            <DescribeAutoScalingGroupsResponse xmlns="{Ns}"><DescribeAutoScalingGroupsResult><AutoScalingGroups>
              <member><AutoScalingGroupName>old-asg</AutoScalingGroupName><LaunchConfigurationName>old-lc</LaunchConfigurationName></member>
            </AutoScalingGroups></DescribeAutoScalingGroupsResult></DescribeAutoScalingGroupsResponse>
            """;

        var group = AutoScalingGroupXml.Parse(xml);

        Assert.Equal("old-lc", group?.LaunchConfigurationName);
        Assert.Empty(group!.LaunchTemplates);
    }

    [Fact]
    public void Parse_NoGroup_Null() =>
        Assert.Null(AutoScalingGroupXml.Parse($"""<DescribeAutoScalingGroupsResponse xmlns="{Ns}"><DescribeAutoScalingGroupsResult><AutoScalingGroups/></DescribeAutoScalingGroupsResult></DescribeAutoScalingGroupsResponse>"""));

    [Theory]
    [InlineData("<Other/>", "expected <DescribeAutoScalingGroupsResponse>")]
    [InlineData("<DescribeAutoScalingGroupsResponse/>", "no <DescribeAutoScalingGroupsResult>")]
    [InlineData("<DescribeAutoScalingGroupsResponse><DescribeAutoScalingGroupsResult><AutoScalingGroups><member><LaunchTemplate><Version>1</Version></LaunchTemplate><AutoScalingGroupName>g</AutoScalingGroupName></member></AutoScalingGroups></DescribeAutoScalingGroupsResult></DescribeAutoScalingGroupsResponse>", "neither LaunchTemplateId nor LaunchTemplateName")]
    [InlineData("<DescribeAutoScalingGroupsResponse><DescribeAutoScalingGroupsResult><AutoScalingGroups><member/></AutoScalingGroups></DescribeAutoScalingGroupsResult></DescribeAutoScalingGroupsResponse>", "no AutoScalingGroupName")]
    public void Parse_WrongShape_FormatExceptionNamingIt(string xml, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => AutoScalingGroupXml.Parse(xml));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
