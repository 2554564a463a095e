using AmiAutomation.Simulation.Faults;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Faults;

public sealed class AccessPolicyTests
{
    [Fact]
    public void AllowedByDefault_DenyAndAllowOnly_AcceptEc2Prefix()
    {
        var policy = new AccessPolicy();
        Assert.True(policy.IsAllowed("DeregisterImage"));

        policy.Deny("ec2:DeregisterImage");
        Assert.False(policy.IsAllowed("DeregisterImage"));

        policy.Reset();
        policy.AllowOnly(["ec2:DescribeImages", "CreateTags"]);
        Assert.True(policy.IsAllowed("DescribeImages"));
        Assert.True(policy.IsAllowed("ec2:CreateTags"));
        Assert.False(policy.IsAllowed("DeregisterImage"));
    }

    [Fact]
    public async Task AllowOnly_CallsOutsideThePolicyFailUnauthorized_AndAreRecorded()
    {
        var world = new TestWorld();
        var id = world.Image();
        world.Simulator.Access.AllowOnly(["ec2:DescribeImages"]);

        await world.EastClient.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [id] });
        var error = await Errors.Expect("UnauthorizedOperation", () => world.EastClient.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id }));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("UnauthorizedOperation", world.Simulator.Calls.All[^1].ErrorCode);
    }
}
